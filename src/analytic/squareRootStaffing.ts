import { requireNonNegative } from './checkParams.js';

/**
 * Square-root staffing rule: c = ceil(A + β·√A) agents for an offered load of A Erlangs.
 * β ≈ 0.5-2 covers usual service-level targets (Halfin-Whitt regime); useful as a search
 * start or a quick estimate, never as the answer to a target.
 *
 * @param loadErlangs offered load in Erlangs, >= 0: arrival rate (contacts per second) × mean
 *   handle time (seconds), i.e. volume per interval × aht / interval seconds
 * @param beta quality-of-service parameter β (dimensionless), any finite number
 * @returns number of agents, at least 1
 */
export function squareRootStaffing(loadErlangs: number, beta: number): number {
  requireNonNegative('loadErlangs', loadErlangs);
  if (!Number.isFinite(beta)) throw new RangeError(`beta must be finite, got ${beta}`);
  return Math.max(1, Math.ceil(loadErlangs + beta * Math.sqrt(loadErlangs)));
}
