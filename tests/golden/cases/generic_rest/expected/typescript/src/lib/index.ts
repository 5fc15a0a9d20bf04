// Hand-written additions to the SDK live in src/lib/. sdkforge creates this file once and
// never overwrites anything in this folder; src/index.ts re-exports what it exports.
export {};
