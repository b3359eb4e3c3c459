/**
 * A small WebAssembly binary encoder: just the instructions the epoch kernel (wasm-epoch.ts) needs, written
 * straight to bytes. Emitting bytes at run time rather than committing .wasm files: the kernel is specialised to
 * every network shape and batch configuration a run can ask for (the specs draw arbitrary ones), which a fixed set
 * of committed modules cannot cover, and it needs no assembler package and no build step.
 * Opcodes: WebAssembly Core Specification 2.0, §5.4 (SIMD: the fixed-width 128-bit proposal, no relaxed SIMD).
 */

export type ValueType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128';

const TYPE_CODE: Record<ValueType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

export function unsignedLeb(value: number, out: number[] = []): number[] {
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

export function signedLeb(value: bigint, out: number[] = []): number[] {
  let v = value;
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** Core opcodes used here (single byte). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  drop: 0x1a,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i64Load: 0x29,
  f64Load: 0x2b,
  i32Store: 0x36,
  i64Store: 0x37,
  f64Store: 0x39,
  i32Const: 0x41,
  i64Const: 0x42,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i64LtU: 0x54,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Ge: 0x66,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32ShrU: 0x76,
  i64Add: 0x7c,
  i64Sub: 0x7d,
  i64Mul: 0x7e,
  i64RemU: 0x82,
  i64And: 0x83,
  i64Or: 0x84,
  i64Xor: 0x85,
  i64Shl: 0x86,
  i64ShrU: 0x88,
  i64Rotl: 0x89,
  f64Abs: 0x99,
  f64Neg: 0x9a,
  f64Sqrt: 0x9f,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  i32WrapI64: 0xa7,
  i64ExtendI32U: 0xad,

  f32DemoteF64: 0xb6,
  f64ConvertI64S: 0xb9,
  f64PromoteF32: 0xbb,
  i64ReinterpretF64: 0xbd,
  f64ReinterpretI64: 0xbf,
} as const;

/** SIMD opcodes (after the 0xfd prefix, LEB-encoded). */
export const SIMD = {
  load: 0x00,
  load64Splat: 0x0a,
  store: 0x0b,
  const: 0x0c,
  f64x2Splat: 0x14,
  f64x2ReplaceLane: 0x22,
  f64x2Lt: 0x49,
  andnot: 0x4f,
  store64Lane: 0x5b,
  f32x4DemoteF64x2Zero: 0x5e,
  f64x2PromoteLowF32x4: 0x5f,
  f64x2Abs: 0xec,
  f64x2Neg: 0xed,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
} as const;

/** The instruction stream of one function, with its locals (parameters first). */
export class FunctionBody {
  readonly code: number[] = [];
  private readonly localTypes: ValueType[] = [];

  constructor(
    readonly params: readonly ValueType[],
    readonly results: readonly ValueType[] = [],
  ) {}

  local(type: ValueType): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  simd(opcode: number, ...immediates: number[]): this {
    this.code.push(0xfd);
    unsignedLeb(opcode, this.code);
    this.code.push(...immediates);
    return this;
  }

  /** A load or store with its memory argument: log2 of the alignment hint and a constant byte offset. */
  mem(opcode: number, offset: number, align = 3): this {
    this.code.push(opcode, align);
    unsignedLeb(offset, this.code);
    return this;
  }

  simdMem(opcode: number, offset: number, align = 3): this {
    this.simd(opcode, align);
    unsignedLeb(offset, this.code);
    return this;
  }

  get(index: number): this {
    return this.op(OP.localGet, ...unsignedLeb(index));
  }

  set(index: number): this {
    return this.op(OP.localSet, ...unsignedLeb(index));
  }

  tee(index: number): this {
    return this.op(OP.localTee, ...unsignedLeb(index));
  }

  i32(value: number): this {
    return this.op(OP.i32Const, ...signedLeb(BigInt(value | 0)));
  }

  i64(value: bigint): this {
    return this.op(OP.i64Const, ...signedLeb(BigInt.asIntN(64, value)));
  }

  f64(value: number): this {
    const bytes = new Uint8Array(new Float64Array([value]).buffer);
    return this.op(OP.f64Const, ...bytes);
  }

  v128(lanes: readonly [number, number]): this {
    return this.simd(SIMD.const, ...new Uint8Array(new Float64Array(lanes).buffer));
  }

  /** A block, loop or if with no result. */
  open(kind: number): this {
    return this.op(kind, 0x40);
  }

  encode(): number[] {
    const groups: [ValueType, number][] = [];
    for (const t of this.localTypes) {
      const last = groups[groups.length - 1];
      if (last !== undefined && last[0] === t) last[1] += 1;
      else groups.push([t, 1]);
    }
    const body = unsignedLeb(groups.length);
    for (const [t, n] of groups) body.push(...unsignedLeb(n), TYPE_CODE[t]);
    // concat, not push(...code): a large kernel's code exceeds the engine's limit on call arguments.
    const full = body.concat(this.code, [OP.end]);
    return unsignedLeb(full.length).concat(full);
  }
}

function vector(items: readonly number[][]): number[] {
  return unsignedLeb(items.length).concat(...items);
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb(content.length)].concat(content);
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsignedLeb(bytes.length), ...bytes];
}

/** A function the module imports (from the instance's imports[module][name]); `call i` calls the i-th of them. */
export interface FunctionImport {
  readonly module: string;
  readonly name: string;
  readonly params: readonly ValueType[];
  readonly results: readonly ValueType[];
}

/**
 * A module with one exported memory of `pages` 64 KiB pages, the given imported functions (function indices 0, 1, …)
 * and the given exported functions (the indices after them).
 */
export function encodeModule(
  pages: number,
  functions: readonly { readonly name: string; readonly body: FunctionBody }[],
  imports: readonly FunctionImport[] = [],
): Uint8Array {
  const signatures = [...imports, ...functions.map((f) => f.body)];
  const types = signatures.map(({ params, results }) => [
    0x60,
    ...vector(params.map((t) => [TYPE_CODE[t]])),
    ...vector(results.map((t) => [TYPE_CODE[t]])),
  ]);
  const first = imports.length;
  const exports = [
    [...name('memory'), 0x02, 0x00],
    ...functions.map((f, i) => [...name(f.name), 0x00, ...unsignedLeb(first + i)]),
  ];
  return Uint8Array.from(
    [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00].concat(
      section(1, vector(types)),
      imports.length === 0 ? [] : section(2, vector(imports.map((f, i) => [...name(f.module), ...name(f.name), 0x00, ...unsignedLeb(i)]))),
      section(3, vector(functions.map((_, i) => unsignedLeb(first + i)))),
      section(5, vector([[0x00, ...unsignedLeb(pages)]])),
      section(7, vector(exports)),
      section(10, vector(functions.map((f) => f.body.encode()))),
    ),
  );
}
