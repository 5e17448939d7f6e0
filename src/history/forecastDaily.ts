import { inverse, Matrix, QrDecomposition } from 'ml-matrix';
import { weekday } from './calendar.js';

/**
 * The daily volume of one contact type: a fixed-effects regression of log daily totals on the
 * weekday and a linear trend in weeks,
 *
 *   log(Y_d + 1/2) = alpha_weekday(d) + beta * (d - origin) / 7 + e_d,
 *
 * fitted on the recent weeks before a forecast's origin. This is the day-level part of the
 * fixed-effects models that Ibrahim & L'Ecuyer (2013, "Forecasting call center arrivals:
 * fixed-effects, mixed-effects, and bivariate models", MSOM 15(1):72-85) found hard to beat one
 * day to a few weeks ahead, and of Weinberg, Brown & Stroud (2007, JASA 102:1185-1198): the
 * weekday sets the level, the intraday profile (forecastProfile.ts) the shape. The log scale
 * makes the day-level error multiplicative, which is what call-center data show: a busy day is
 * busy in every interval (Whitt 1999's "busyness factor"; Avramidis, Deslauriers & L'Ecuyer
 * 2004); the half keeps a day with no contact finite.
 *
 * Special days: the caller leaves holidays out; the fit itself finds outliers with a Huber
 * M-estimate (iteratively reweighted least squares) and drops days whose robust residual exceeds
 * `outlierMads` robust standard deviations, then refits by ordinary least squares (QR). A plain
 * least-squares fit would let a 10x day pull its weekday's level and hide itself.
 *
 * The trend is shrunk towards 0 by its own standard error (positive-part James-Stein, Efron &
 * Morris 1973) and damped over the horizon (Gardner & McKenzie 1985), so a noisy slope over a
 * few weeks is not extrapolated for months.
 */

export interface DailyFitSettings {
  readonly trendDamping: number;
  readonly outlierMads: number;
  readonly huberK: number;
}

export interface DailyObservation {
  readonly day: number;
  readonly total: number;
}

export interface DailyPrediction {
  /** Expected daily total (Duan's smearing back-transform), >= 0; 0 on a closed weekday. */
  readonly mean: number;
  /**
   * Variance of the estimated log level for that day (x0' (X'X)^-1 x0 s^2): the parameters'
   * own error, which a day's intervals share. NaN when the residual variance is unknown.
   */
  readonly parameterVariance: number;
}

const DAYS_PER_WEEK = 7;
/** Scale factor that makes the MAD a consistent estimate of a normal standard deviation. */
const MAD_TO_SD = 1.4826;

export class DailyFit {
  /** Weekdays with contacts in the window: the others are closed (forecast 0). */
  readonly active: readonly boolean[];
  /** Residual variance of the log totals (NaN when there are no more days than parameters). */
  readonly residualVariance: number;
  /** Mean of 1/(Y+1/2) over the kept days: the Poisson part of the log-total variance. */
  readonly poissonPart: number;
  /** Weekly log growth used in forecasts (after shrinkage), 0 without a trend. */
  readonly slope: number;
  /** Days of the window kept in the fit (not outliers, weekday active). */
  readonly kept: readonly number[];
  /** Days of the window left out as outliers, with their ratio of total to the robust fit's. */
  readonly outliers: readonly { readonly day: number; readonly ratio: number }[];

  private readonly level: number[] = new Array<number>(DAYS_PER_WEEK).fill(NaN);
  /** Column of each weekday in the design (-1 = not estimated). */
  private readonly column: number[] = new Array<number>(DAYS_PER_WEEK).fill(-1);
  private readonly trendColumn: number;
  private readonly covariance: Matrix | undefined;
  private readonly smear: number;

  constructor(
    readonly origin: number,
    observations: readonly DailyObservation[],
    private readonly settings: DailyFitSettings,
  ) {
    const sums = new Array<number>(DAYS_PER_WEEK).fill(0);
    for (const o of observations) sums[weekday(o.day)]! += o.total;
    this.active = sums.map((s) => s > 0);
    const rows = observations.filter((o) => this.active[weekday(o.day)]);

    const outliers = rows.length > 0 ? this.robustOutliers(rows) : [];
    const out = new Set(outliers.map((o) => o.day));
    const kept = rows.filter((o) => !out.has(o.day));
    this.outliers = outliers;
    this.kept = kept.map((o) => o.day);
    this.poissonPart = kept.length === 0 ? 0 : kept.reduce((s, o) => s + 1 / (o.total + 0.5), 0) / kept.length;

    const design = this.design(kept);
    this.trendColumn = design.trendColumn;
    design.weekdays.forEach((w, j) => (this.column[w] = j));
    if (kept.length === 0) {
      this.residualVariance = NaN;
      this.slope = 0;
      this.smear = 1;
      return;
    }
    const { beta, residuals } = leastSquares(design.x, kept.map(logTotal), undefined);
    design.weekdays.forEach((w, j) => (this.level[w] = beta[j]!));
    const p = design.x.columns;
    const df = kept.length - p;
    const rss = residuals.reduce((s, r) => s + r * r, 0);
    this.residualVariance = df >= 1 ? rss / df : NaN;
    // (X'X)^-1 by ml-matrix: with s^2 it is the covariance of the estimates.
    this.covariance = inverse(design.x.transpose().mmul(design.x));
    // Duan (1983, JASA 78:605-610) smearing: E[exp(log level + e)] without assuming e normal.
    this.smear = residuals.reduce((s, r) => s + Math.exp(r), 0) / residuals.length;
    if (this.trendColumn < 0) {
      this.slope = 0;
    } else {
      const raw = beta[this.trendColumn]!;
      const se2 = this.residualVariance * this.covariance.get(this.trendColumn, this.trendColumn);
      const keep = Number.isFinite(se2) && raw !== 0 ? Math.max(0, 1 - se2 / (raw * raw)) : 0;
      this.slope = raw * keep;
    }
  }

  /** The expected total of `day` (>= origin) and the variance of its estimated log level. */
  predict(day: number): DailyPrediction {
    const w = weekday(day);
    if (!this.active[w] || this.covariance === undefined) return { mean: 0, parameterVariance: 0 };
    const horizon = this.dampedWeeks((day - this.origin) / DAYS_PER_WEEK);
    const x0 = new Array<number>(this.covariance.rows).fill(0);
    let logLevel: number;
    const j = this.column[w]!;
    if (j >= 0) {
      logLevel = this.level[w]!;
      x0[j] = 1;
    } else {
      // An open weekday whose every day in the window was a holiday or an outlier: the mean
      // level of the others (rare; its profile is the pooled one).
      const estimated = this.column.flatMap((c, v) => (c >= 0 ? [v] : []));
      logLevel = estimated.reduce((s, v) => s + this.level[v]!, 0) / estimated.length;
      for (const v of estimated) x0[this.column[v]!] = 1 / estimated.length;
    }
    if (this.trendColumn >= 0) x0[this.trendColumn] = horizon;
    logLevel += this.slope * horizon;
    const v = Matrix.columnVector(x0);
    const h0 = v.transpose().mmul(this.covariance).mmul(v).get(0, 0);
    return { mean: Math.max(0, Math.exp(logLevel) * this.smear - 0.5), parameterVariance: h0 * this.residualVariance };
  }

  /** Weekly growth factor minus 1 (0.02 = +2% a week), after shrinkage. */
  get weeklyGrowth(): number {
    return Math.exp(this.slope) - 1;
  }

  /** Weeks of trend applied `weeks` ahead of the origin: the integral of damping^u from 0 to weeks. */
  private dampedWeeks(weeks: number): number {
    const phi = this.settings.trendDamping;
    if (weeks <= 0) return weeks;
    return phi >= 1 ? weeks : (1 - phi ** weeks) / -Math.log(phi);
  }

  /** Columns: one per weekday present, plus the trend when it is estimable with a residual left. */
  private design(rows: readonly DailyObservation[]): { x: Matrix; weekdays: number[]; trendColumn: number } {
    const count = new Array<number>(DAYS_PER_WEEK).fill(0);
    for (const o of rows) count[weekday(o.day)]!++;
    const weekdays = count.flatMap((c, w) => (c > 0 ? [w] : []));
    // A slope needs some weekday seen twice, and one more day than parameters to leave a residual.
    const trend = count.some((c) => c >= 2) && rows.length > weekdays.length + 1;
    const x = new Matrix(rows.length, weekdays.length + (trend ? 1 : 0));
    rows.forEach((o, i) => {
      x.set(i, weekdays.indexOf(weekday(o.day)), 1);
      if (trend) x.set(i, weekdays.length, (o.day - this.origin) / DAYS_PER_WEEK);
    });
    return { x, weekdays, trendColumn: trend ? weekdays.length : -1 };
  }

  /**
   * Huber M-estimate by iteratively reweighted least squares (scale: the MAD of the residuals,
   * never below the Poisson noise of a log total), then the days beyond `outlierMads` scales.
   */
  private robustOutliers(rows: readonly DailyObservation[]): { day: number; ratio: number }[] {
    const { x } = this.design(rows);
    const y = rows.map(logTotal);
    const floor = Math.sqrt(median(rows.map((o) => 1 / (o.total + 0.5))));
    let weights = rows.map(() => 1);
    let residuals: number[] = [];
    let scale = floor;
    for (let iteration = 0; iteration < 50; iteration++) {
      residuals = leastSquares(x, y, weights).residuals;
      scale = Math.max(floor, MAD_TO_SD * median(residuals.map((r) => Math.abs(r - median(residuals)))));
      const next = residuals.map((r) => Math.min(1, (this.settings.huberK * scale) / Math.max(Math.abs(r), 1e-300)));
      const moved = next.reduce((m, w, i) => Math.max(m, Math.abs(w - weights[i]!)), 0);
      weights = next;
      if (moved < 1e-9) break;
    }
    const cut = this.settings.outlierMads * scale;
    return rows.flatMap((o, i) => (Math.abs(residuals[i]!) > cut ? [{ day: o.day, ratio: Math.exp(residuals[i]!) }] : []));
  }
}

function logTotal(o: DailyObservation): number {
  return Math.log(o.total + 0.5);
}

/**
 * (Weighted) least squares by ml-matrix's QR decomposition of sqrt(w) X. Returns the
 * coefficients and the unweighted residuals y - X beta.
 */
export function leastSquares(x: Matrix, y: readonly number[], weights: readonly number[] | undefined): { beta: number[]; residuals: number[] } {
  const root = y.map((_, i) => Math.sqrt(weights?.[i] ?? 1));
  const xw = x.clone();
  for (let i = 0; i < xw.rows; i++) for (let j = 0; j < xw.columns; j++) xw.set(i, j, xw.get(i, j) * root[i]!);
  const yw = Matrix.columnVector(y.map((v, i) => v * root[i]!));
  const beta = new QrDecomposition(xw).solve(yw).getColumn(0);
  const fitted = x.mmul(Matrix.columnVector(beta)).getColumn(0);
  return { beta, residuals: y.map((v, i) => v - fitted[i]!) };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
