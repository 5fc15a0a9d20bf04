// Prints the declarations of TypeScript files as JSON, for tests that compare two SDKs'
// declarations member by member.
//
//   node declarations.mjs FILE.d.ts... > out.json
//
// For every interface (namespaced ones as `Run.LastError`): its heritage clauses and its own
// members, each with `optional`, the type as written (`text`) and the type's structure as the
// checker resolves it (`shape`: aliases followed, interfaces expanded a few levels deep,
// references the program cannot resolve kept by name). For every class: its properties and
// its methods' overloads with their parameters.
import ts from 'typescript';

const MAX_DEPTH = 4;
const files = process.argv.slice(2);
const program = ts.createProgram(files, {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
});
const checker = program.getTypeChecker();
const wanted = new Set(files.map((f) => ts.sys.resolvePath(f)));

function lastSegment(text) {
  const parts = text.trim().split('.');
  return parts[parts.length - 1];
}

function unresolvedName(node) {
  if (!node) return 'unresolved';
  if (ts.isTypeReferenceNode(node)) return lastSegment(node.typeName.getText());
  return node.getText();
}

function childNode(node, kind) {
  if (!node) return undefined;
  if (kind === 'array') {
    if (ts.isArrayTypeNode(node)) return node.elementType;
    if (ts.isTypeReferenceNode(node) && node.typeArguments?.length === 1) return node.typeArguments[0];
  }
  return undefined;
}

function isLibType(type) {
  const decls = type.getSymbol()?.getDeclarations() ?? [];
  return decls.length > 0 && decls.every((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()));
}

function shape(type, node, depth, seen) {
  const f = type.flags;
  if (f & ts.TypeFlags.Any) return { k: 'ref', name: unresolvedName(node) };
  if (f & ts.TypeFlags.Unknown) return { k: 'prim', t: 'unknown' };
  if (f & ts.TypeFlags.StringLiteral) return { k: 'lit', v: type.value };
  if (f & ts.TypeFlags.NumberLiteral) return { k: 'lit', v: type.value };
  if (f & ts.TypeFlags.BooleanLiteral) return { k: 'lit', v: checker.typeToString(type) === 'true' };
  if (f & (ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.Boolean | ts.TypeFlags.Null | ts.TypeFlags.Never)) {
    return { k: 'prim', t: checker.typeToString(type) };
  }
  if (type.isUnion()) {
    const nodes = node && ts.isUnionTypeNode(node) ? node.types : [];
    const of = type.types
      .filter((t) => !(t.flags & ts.TypeFlags.Undefined))
      .map((t) => {
        // an unresolved member of a written union: find its node by elimination
        const match = t.flags & ts.TypeFlags.Any ? nodes.find((n) => checker.getTypeFromTypeNode(n).flags & ts.TypeFlags.Any) : undefined;
        return shape(t, match, depth, seen);
      });
    return of.length === 1 ? of[0] : { k: 'union', of };
  }
  if (checker.isArrayType(type)) {
    const [item] = checker.getTypeArguments(type);
    return { k: 'array', of: shape(item, childNode(node, 'array'), depth, seen) };
  }
  if (f & ts.TypeFlags.Object) {
    const name = type.getSymbol()?.getName() ?? type.aliasSymbol?.getName() ?? '';
    if (isLibType(type)) return { k: 'ref', name };
    const props = checker.getPropertiesOfType(type);
    const index = checker.getIndexInfosOfType(type);
    if (props.length === 0 && index.length === 1) {
      return { k: 'record', value: shape(index[0].type, undefined, depth, seen) };
    }
    if (depth >= MAX_DEPTH || seen.has(type)) return { k: 'ref', name };
    const next = new Set(seen).add(type);
    const members = {};
    for (const prop of props) {
      const decl = prop.valueDeclaration;
      const propNode = decl && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) ? decl.type : undefined;
      members[prop.getName()] = {
        optional: (prop.flags & ts.SymbolFlags.Optional) !== 0,
        shape: shape(checker.getTypeOfSymbol(prop), propNode, depth + 1, next),
      };
    }
    return { k: 'object', name, members };
  }
  return { k: 'prim', t: checker.typeToString(type) };
}

function memberView(member) {
  const name = member.name.getText().replace(/^['"]|['"]$/g, '');
  const typeNode = member.type;
  const type = typeNode ? checker.getTypeFromTypeNode(typeNode) : undefined;
  return {
    name,
    optional: member.questionToken !== undefined,
    text: typeNode ? typeNode.getText() : 'any',
    shape: type ? shape(type, typeNode, 1, new Set()) : { k: 'prim', t: 'any' },
  };
}

const interfaces = {};
const classes = {};

function visit(statements, prefix) {
  for (const st of statements) {
    if (ts.isInterfaceDeclaration(st)) {
      const name = prefix + st.name.text;
      interfaces[name] = {
        heritage: (st.heritageClauses ?? []).flatMap((h) => h.types.map((t) => lastSegment(t.expression.getText()))),
        members: st.members.filter((m) => ts.isPropertySignature(m)).map(memberView),
      };
    } else if (ts.isClassDeclaration(st) && st.name) {
      const methods = {};
      const properties = {};
      for (const m of st.members) {
        if (ts.isMethodDeclaration(m) && m.name) {
          const params = m.parameters.map((p) => ({
            name: p.name.getText(),
            optional: p.questionToken !== undefined || p.initializer !== undefined,
            text: p.type ? p.type.getText() : 'any',
          }));
          (methods[m.name.getText()] ??= []).push(params);
        } else if (ts.isPropertyDeclaration(m) && m.name) {
          properties[m.name.getText()] = m.type ? m.type.getText() : 'any';
        }
      }
      classes[prefix + st.name.text] = { methods, properties };
    } else if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body)) {
      visit(st.body.statements, prefix + st.name.text + '.');
    }
  }
}

for (const sf of program.getSourceFiles()) {
  if (!wanted.has(ts.sys.resolvePath(sf.fileName))) continue;
  visit(sf.statements, '');
}
process.stdout.write(JSON.stringify({ interfaces, classes }, null, 1));
