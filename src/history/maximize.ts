import { CholeskyDecomposition, inverse, Matrix } from 'ml-matrix';

/**
 * Maximizes a smooth log-likelihood of a few parameters: Newton's method on central-difference
 * derivatives, with a backtracking line search (every accepted step raises the likelihood) and a
 * steepest-ascent step where the Hessian is not negative definite. The parameters should be on
 * scales where a step of 1e-4 is small (logs of positive quantities), as the fits here use.
 *
 * Converged means the Newton decrement g' (-H)^-1 g / 2 is below 1e-8 (the likelihood cannot
 * rise by more than that with another step) at a point where -H is positive definite, so the
 * covariance (-H)^-1 (the inverse of the observed information) is meaningful.
 */
export interface Maximum {
  readonly at: readonly number[];
  readonly value: number;
  /** Inverse of the observed information (-Hessian) at the maximum; NaN entries when not converged. */
  readonly covariance: readonly (readonly number[])[];
  readonly converged: boolean;
  readonly iterations: number;
}

const STEP = 1e-4;
const MAX_ITERATIONS = 200;

export function maximize(f: (p: readonly number[]) => number, start: readonly number[]): Maximum {
  const n = start.length;
  let x = start.slice();
  let fx = f(x);
  if (!Number.isFinite(fx)) throw new RangeError(`the likelihood is not finite at the starting point (${start.join(', ')})`);
  let converged = false;
  let iterations = 0;
  let hessian = new Matrix(n, n);
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const { gradient, hessian: h } = derivatives(f, x, fx);
    hessian = h;
    const information = h.clone().mul(-1);
    const cholesky = new CholeskyDecomposition(information);
    const g = Matrix.columnVector(gradient);
    let direction: number[];
    if (cholesky.isPositiveDefinite()) {
      direction = cholesky.solve(g).to1DArray();
      const decrement = dot(gradient, direction) / 2;
      if (decrement < 1e-8) {
        converged = true;
        break;
      }
    } else {
      // Not concave here: climb along the gradient, scaled to a first step of 0.1 in the largest coordinate.
      const largest = Math.max(...gradient.map(Math.abs));
      if (largest === 0) break;
      direction = gradient.map((v) => (0.1 * v) / largest);
    }
    let t = 1;
    let moved = false;
    for (let k = 0; k < 60; k++, t /= 2) {
      const y = x.map((v, i) => v + t * direction[i]!);
      const fy = f(y);
      if (Number.isFinite(fy) && fy > fx) {
        x = y;
        fx = fy;
        moved = true;
        break;
      }
    }
    if (!moved) break; // no ascent along the direction: at the numerical top, or stuck (checked below)
  }
  if (!converged) {
    // A stop without a tiny Newton decrement: check once more where we ended.
    const { gradient, hessian: h } = derivatives(f, x, fx);
    hessian = h;
    const information = h.clone().mul(-1);
    const cholesky = new CholeskyDecomposition(information);
    if (cholesky.isPositiveDefinite()) {
      const direction = cholesky.solve(Matrix.columnVector(gradient)).to1DArray();
      converged = dot(gradient, direction) / 2 < 1e-6;
    }
  }
  const covariance = converged ? inverse(hessian.clone().mul(-1)).to2DArray() : Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  return { at: x, value: fx, covariance, converged, iterations };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Central differences: gradient (2n evaluations) and Hessian (2n² more for the off-diagonal). */
function derivatives(f: (p: readonly number[]) => number, x: readonly number[], fx: number): { gradient: number[]; hessian: Matrix } {
  const n = x.length;
  const at = (i: number, di: number, j = -1, dj = 0) => {
    const y = x.slice();
    y[i]! += di;
    if (j >= 0) y[j]! += dj;
    return f(y);
  };
  const gradient: number[] = [];
  const hessian = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    const plus = at(i, STEP);
    const minus = at(i, -STEP);
    gradient.push((plus - minus) / (2 * STEP));
    hessian.set(i, i, (plus - 2 * fx + minus) / (STEP * STEP));
    for (let j = 0; j < i; j++) {
      const v = (at(i, STEP, j, STEP) - at(i, STEP, j, -STEP) - at(i, -STEP, j, STEP) + at(i, -STEP, j, -STEP)) / (4 * STEP * STEP);
      hessian.set(i, j, v);
      hessian.set(j, i, v);
    }
  }
  return { gradient, hessian };
}
