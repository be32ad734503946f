// The part of the WebAssembly API the MD5 lanes use. Node has it globally; @types/node 20 does not
// declare it, and lib "dom" would bring the whole browser in.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: object);
    readonly exports: Record<string, unknown>;
  }
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
  function validate(bytes: Uint8Array): boolean;
}
