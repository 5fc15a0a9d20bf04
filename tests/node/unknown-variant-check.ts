// Compiled (not run) inside the generated OpenAI SDK's src/lib/ by tests/sdk/test_faults_node.py:
// how code tells the variants of a discriminated union apart, unknown ones included.
import type { AssistantTool } from '../index.js';

export function describe(tool: AssistantTool): string {
  // Testing the tag still narrows to the known variant's members.
  if (tool.type === 'function') return tool.function.name;
  switch (tool.type) {
    case 'code_interpreter':
    case 'retrieval':
      return tool.type;
    default: {
      // @ts-expect-error a variant this SDK does not know is still possible here
      const never: never = tool;
      return String(never);
    }
  }
}

// @ts-expect-error a misspelt tag does not pass for an unknown variant
export const misspelt: AssistantTool = { type: 'retreival' };
