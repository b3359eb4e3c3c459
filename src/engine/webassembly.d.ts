// The few WebAssembly JS-API declarations the epoch kernel uses: the project compiles against lib ES2023 without
// the DOM, and @types/node 20 does not declare them.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
  class Instance {
    constructor(module: Module, imports: object);
    readonly exports: Record<string, unknown>;
  }
  function validate(bytes: Uint8Array): boolean;
}
