import { LuDecomposition, Matrix, solve } from 'ml-matrix';

/**
 * A finite continuous-time Markov chain whose states are (level, phase) pairs and whose every
 * transition moves at most one level up or down: a level-dependent quasi-birth-death process.
 * Its generator is block tridiagonal, which {@link stationaryByLevels} exploits.
 */
export interface LevelChain {
  /** Levels 0..levels−1. */
  levels: number;
  /** Phases 0..phases−1 in every level. */
  phases: number;
  /**
   * Calls `to(level', phase', rate)` for every transition out of (level, phase), |level' −
   * level| <= 1. Self-loops and zero rates are allowed and ignored; repeated targets add up.
   */
  transitions(level: number, phase: number, to: (level: number, phase: number, rate: number) => void): void;
}

/** Blocks of one level: up (to level+1), down (to level−1), within (off-diagonal only). */
interface LevelBlocks {
  up: Matrix;
  down: Matrix;
  within: Matrix;
  /** The nonzero entries of `down` (few: a product with it need not be dense). */
  downEntries: { i: number; j: number; rate: number }[];
}

function blocksOf(chain: LevelChain, level: number): LevelBlocks {
  const p = chain.phases;
  const up = Matrix.zeros(p, p);
  const down = Matrix.zeros(p, p);
  const within = Matrix.zeros(p, p);
  for (let i = 0; i < p; i++) {
    chain.transitions(level, i, (l, j, rate) => {
      if (rate === 0) return;
      if (!(rate > 0) || j < 0 || j >= p) throw new Error(`levelReduction: bad transition (${level},${i}) -> (${l},${j}) at rate ${rate}`);
      const block = l === level + 1 ? up : l === level - 1 ? down : l === level ? within : undefined;
      if (block === undefined || l < 0 || l >= chain.levels) {
        throw new Error(`levelReduction: transition (${level},${i}) -> (${l},${j}) leaves the chain or skips a level`);
      }
      if (block === within && j === i) return;
      block.set(i, j, block.get(i, j) + rate);
    });
  }
  const downEntries: LevelBlocks['downEntries'] = [];
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const rate = down.get(i, j);
      if (rate !== 0) downEntries.push({ i, j, rate });
    }
  }
  return { up, down, within, downEntries };
}

/**
 * −U S^{−1} (row-major), from ml-matrix's LU factorization of Sᵀ: row a of the result solves
 * Sᵀ x = −(row a of U)ᵀ. The substitutions run on flat arrays, where ml-matrix's own solve
 * (element by element through its accessors) took four times as long as the factorization.
 */
function upTimesInverse(up: Matrix, s: Matrix): Float64Array {
  const p = s.rows;
  const lu = new LuDecomposition(s.transpose());
  // ml-matrix's convention: row piv[i] of Sᵀ is row i of L·U, L unit lower triangular.
  const lower = Float64Array.from(lu.lowerTriangularMatrix.to1DArray());
  const upper = Float64Array.from(lu.upperTriangularMatrix.to1DArray());
  const piv = lu.pivotPermutationVector;
  const out = new Float64Array(p * p);
  const y = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    for (let i = 0; i < p; i++) y[i] = -up.get(a, piv[i]!);
    for (let i = 1; i < p; i++) {
      let v = y[i]!;
      for (let k = 0; k < i; k++) v -= lower[i * p + k]! * y[k]!;
      y[i] = v;
    }
    for (let i = p - 1; i >= 0; i--) {
      let v = y[i]!;
      for (let k = i + 1; k < p; k++) v -= upper[i * p + k]! * y[k]!;
      y[i] = v / upper[i * p + i]!;
    }
    out.set(y, a * p);
  }
  return out;
}

/**
 * Stationary distribution of an irreducible {@link LevelChain}, by linear level reduction
 * (block Gaussian elimination from the top level down; Gaver, Jacobs and Latouche 1984):
 *
 *   π_l = π_{l−1} R_l,   R_l = −U_{l−1} S_l^{−1},   S_L = W_L,   S_l = W_l + R_{l+1} D_{l+1},
 *
 * where U, D, W are the up, down and within-level blocks and S_l is the generator, restricted to
 * level l, of the chain watched only while it is at levels <= l. Level 0 solves π_0 S_0 = 0 with
 * its entries summing to 1 (an LU solve with one balance equation replaced by the sum).
 *
 * Two choices keep it accurate at any size: S_l's diagonal is not accumulated by subtraction but
 * set from its row sums, which are known exactly (a row of S_l loses only what leaves downwards,
 * so diagonal = −(off-diagonal sum + down-rate sum), all terms >= 0: the GTH idea); and each
 * level's vector is carried with a log scale, so probabilities that grow or shrink by e^±700
 * across levels neither overflow nor lose the levels that matter.
 *
 * Time: about levels × phases³ / 3 for the LU factorizations (ml-matrix), memory levels × phases².
 *
 * @returns one probability vector per level; all entries sum to 1
 */
export function stationaryByLevels(chain: LevelChain): Float64Array[] {
  const { levels, phases: p } = chain;
  if (levels < 1 || p < 1) throw new Error('levelReduction: empty chain');
  // R_l for l = 1..levels−1, stored flat (row-major) to keep memory at levels × phases².
  const rates: Float64Array[] = new Array<Float64Array>(levels);
  let above: LevelBlocks | undefined; // blocks of level l+1
  let rAbove: Float64Array | undefined; // R_{l+1}, row-major
  let s0: Matrix | undefined;
  let current = blocksOf(chain, levels - 1);
  for (let l = levels - 1; l >= 0; l--) {
    const below = l > 0 ? blocksOf(chain, l - 1) : undefined;
    const s = current.within.clone();
    if (rAbove !== undefined && above !== undefined) {
      // s += R_{l+1} D_{l+1}, over D's nonzero entries only.
      for (const { i, j, rate } of above.downEntries) {
        for (let a = 0; a < p; a++) {
          const x = rAbove[a * p + i]!;
          if (x !== 0) s.set(a, j, s.get(a, j) + x * rate);
        }
      }
    }
    for (let i = 0; i < p; i++) {
      let out = 0;
      for (let j = 0; j < p; j++) out += (j === i ? 0 : s.get(i, j)) + current.down.get(i, j);
      s.set(i, i, -out);
    }
    if (below === undefined) {
      s0 = s;
    } else {
      const r = upTimesInverse(below.up, s);
      rates[l] = r;
      rAbove = r;
    }
    above = current;
    if (below !== undefined) current = below;
  }
  if (s0 === undefined) throw new Error('levelReduction: no level 0');

  // π_0 S_0 = 0, Σ π_0 = 1: solve S_0ᵀ x = 0 with the last equation replaced by Σ x = 1.
  const a = s0.transpose();
  for (let j = 0; j < p; j++) a.set(p - 1, j, 1);
  const rhs = Matrix.zeros(p, 1);
  rhs.set(p - 1, 0, 1);
  const first = Float64Array.from(p === 1 ? [1] : solve(a, rhs).getColumn(0), (x) => Math.max(0, x));

  // Forward: π_l = π_{l−1} R_l, each level scaled to max 1 with its log scale kept aside.
  const vectors: Float64Array[] = [first];
  const logScale: number[] = [0];
  for (let l = 1; l < levels; l++) {
    const prev = vectors[l - 1]!;
    const r = rates[l]!;
    const v = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      const x = prev[i]!;
      if (x === 0) continue;
      for (let j = 0; j < p; j++) v[j]! += x * r[i * p + j]!;
    }
    let max = 0;
    for (let j = 0; j < p; j++) {
      if (!(v[j]! > 0)) v[j] = 0; // rounding can leave a −0 or a −1e−300 where the truth is 0
      max = Math.max(max, v[j]!);
    }
    if (max > 0) for (let j = 0; j < p; j++) v[j]! /= max;
    vectors.push(v);
    logScale.push(max > 0 ? logScale[l - 1]! + Math.log(max) : Number.NEGATIVE_INFINITY);
  }
  const top = logScale.reduce((x, y) => Math.max(x, y), Number.NEGATIVE_INFINITY);
  let total = 0;
  const weights = logScale.map((s) => Math.exp(s - top));
  vectors.forEach((v, l) => { total += weights[l]! * v.reduce((x, y) => x + y, 0); });
  return vectors.map((v, l) => v.map((x) => (x * weights[l]!) / total));
}
