import type { BitGenerator } from "./bit-generator.js";
import { generateState } from "./seed-sequence.js";
import { pcg64Fill } from "./wasm/kernels.js";

/** PCG's 128-bit LCG multiplier 0x2360ED051FC65DA44385DF649FCCF645, as 16-bit limbs (least significant first). */
const M0 = 0xf645, M1 = 0x9fcc, M2 = 0xdf64, M3 = 0x4385, M4 = 0x5da4, M5 = 0x1fc6, M6 = 0xed05, M7 = 0x2360;
const L = 65536;

/**
 * PCG64 (O'Neill's PCG XSL-RR 128/64), numpy's default bit generator: a
 * 128-bit LCG whose output is the xor of its halves rotated by the top six
 * bits. The 128-bit multiply runs on eight 16-bit limbs in exact double
 * arithmetic (partial sums stay below 2^36). Seeded through numpy's
 * `SeedSequence`, so streams equal `numpy.random.default_rng(seed)`'s.
 * Each 64-bit output fills two words, low half first.
 */
export class Pcg64 implements BitGenerator {
  readonly name = "pcg64";
  /** State then increment, 16-bit limbs, least significant first. */
  private readonly s = new Float64Array(16);

  /** Seeds from numpy's `SeedSequence(entropy, spawn_key).generate_state(4, uint64)`. */
  constructor(entropy: readonly number[], spawnKey: readonly number[] = []) {
    const w = generateState(entropy, spawnKey, 8);
    // val[k] = w[2k] | w[2k+1] << 32; initstate = val[0] << 64 | val[1]; initseq = val[2] << 64 | val[3].
    const initState = [w[2]!, w[3]!, w[0]!, w[1]!];
    const initSeq = [w[6]!, w[7]!, w[4]!, w[5]!];
    const inc = shiftLeftOr1(initSeq);
    this.setState([0, 0, 0, 0, ...inc]);
    this.step();
    const st = this.getState();
    let carry = 0;
    for (let i = 0; i < 4; i++) {
      const v = st[i]! + initState[i]! + carry;
      st[i] = v % 4294967296;
      carry = v >= 4294967296 ? 1 : 0;
    }
    this.setState(st);
    this.step();
  }

  private step(): void {
    const out = new Uint32Array(2);
    this.fill(out);
  }

  fill(out: Uint32Array): void {
    if (out.length >= 64) {
      // the same steps with native 64-bit integers in WebAssembly
      const words = new Uint32Array(this.getState());
      if (pcg64Fill(words, out)) {
        this.setState(Array.from(words));
        return;
      }
    }
    this.fillJs(out);
  }

  /** The 16-bit-limb JavaScript step (small fills, and where WebAssembly is unavailable). */
  fillJs(out: Uint32Array): void {
    const t = this.s;
    let s0 = t[0]!, s1 = t[1]!, s2 = t[2]!, s3 = t[3]!, s4 = t[4]!, s5 = t[5]!, s6 = t[6]!, s7 = t[7]!;
    const c0 = t[8]!, c1 = t[9]!, c2 = t[10]!, c3 = t[11]!, c4 = t[12]!, c5 = t[13]!, c6 = t[14]!, c7 = t[15]!;
    for (let i = 0, n = out.length; i < n; i += 2) {
      let p = s0 * M0 + c0;
      let q = Math.floor(p / L);
      const n0 = p - q * L;
      p = s0 * M1 + s1 * M0 + c1 + q;
      q = Math.floor(p / L);
      const n1 = p - q * L;
      p = s0 * M2 + s1 * M1 + s2 * M0 + c2 + q;
      q = Math.floor(p / L);
      const n2 = p - q * L;
      p = s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + c3 + q;
      q = Math.floor(p / L);
      const n3 = p - q * L;
      p = s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + c4 + q;
      q = Math.floor(p / L);
      const n4 = p - q * L;
      p = s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + c5 + q;
      q = Math.floor(p / L);
      const n5 = p - q * L;
      p = s0 * M6 + s1 * M5 + s2 * M4 + s3 * M3 + s4 * M2 + s5 * M1 + s6 * M0 + c6 + q;
      q = Math.floor(p / L);
      const n6 = p - q * L;
      p = s0 * M7 + s1 * M6 + s2 * M5 + s3 * M4 + s4 * M3 + s5 * M2 + s6 * M1 + s7 * M0 + c7 + q;
      const n7 = p % L;
      s0 = n0; s1 = n1; s2 = n2; s3 = n3; s4 = n4; s5 = n5; s6 = n6; s7 = n7;
      // XSL-RR: (hi ^ lo) rotated right by the top 6 bits of the state.
      const xlo = (n0 | (n1 << 16)) ^ (n4 | (n5 << 16));
      const xhi = (n2 | (n3 << 16)) ^ (n6 | (n7 << 16));
      const rot = n7 >>> 10;
      let lo: number, hi: number;
      if (rot === 0) {
        lo = xlo; hi = xhi;
      } else if (rot < 32) {
        lo = (xlo >>> rot) | (xhi << (32 - rot));
        hi = (xhi >>> rot) | (xlo << (32 - rot));
      } else if (rot === 32) {
        lo = xhi; hi = xlo;
      } else {
        const r = rot - 32;
        lo = (xhi >>> r) | (xlo << (32 - r));
        hi = (xlo >>> r) | (xhi << (32 - r));
      }
      out[i] = lo;
      out[i + 1] = hi;
    }
    t[0] = s0; t[1] = s1; t[2] = s2; t[3] = s3; t[4] = s4; t[5] = s5; t[6] = s6; t[7] = s7;
  }

  /** State then increment as eight uint32 words, least significant first. */
  getState(): number[] {
    const t = this.s;
    const out: number[] = [];
    for (let i = 0; i < 16; i += 2) out.push(t[i]! + t[i + 1]! * L);
    return out;
  }

  setState(state: readonly number[]): void {
    if (state.length !== 8 || state.some((v) => !Number.isInteger(v) || v < 0 || v > 0xffffffff)) {
      throw new RangeError(`pcg64: state must be eight uint32 words, got ${JSON.stringify(state)}.`);
    }
    if ((state[4]! & 1) === 0) throw new RangeError("pcg64: the increment must be odd.");
    for (let i = 0; i < 8; i++) {
      this.s[2 * i] = state[i]! & 0xffff;
      this.s[2 * i + 1] = state[i]! >>> 16;
    }
  }
}

/** (x << 1) | 1 for a 128-bit number as four uint32 words, least significant first. */
function shiftLeftOr1(x: readonly number[]): number[] {
  const out: number[] = [];
  let carry = 1;
  for (let i = 0; i < 4; i++) {
    out.push(((x[i]! << 1) | carry) >>> 0);
    carry = x[i]! >>> 31;
  }
  return out;
}
