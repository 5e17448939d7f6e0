// Independent reference for the Erlang X model, used only by tests. Written from the model's
// description (c agents, N lines, fresh rate λ, service μ, patience θ, redial probability r after
// an exponential delay of rate δ; blocked and abandoned callers redial), not from the product:
// the stationary law by Gauss-Seidel sweeps over the generator in plain arrays (orbit cut at a
// fixed, generous M), and a waiting caller's fate by uniformization of its own absorbing chain
// (no closed forms).

export interface XCase {
  agents: number;
  lines: number;
  arrivalRate: number;
  aht: number;
  /** Mean patience, s; Infinity = never abandons. */
  patience: number;
  retrialProbability: number;
  /** Mean retrial delay, s. */
  retrialDelay: number;
  slSeconds: number;
}

export interface XReference {
  pBlock: number;
  pWait: number;
  pAbandon: number;
  serviceLevel: number;
  asa: number;
  occupancy: number;
  effectiveArrivalRate: number;
  /** Orbit mass at the cut M of this reference. */
  edgeMass: number;
}

/** π(n, m) for n = 0..N, m = 0..maxOrbit, by Gauss-Seidel on π Q = 0. */
export function gaussSeidelStationary(k: XCase, maxOrbit: number): number[][] {
  const c = k.agents;
  const N = k.lines;
  const lam = k.arrivalRate;
  const mu = 1 / k.aht;
  const th = Number.isFinite(k.patience) ? 1 / k.patience : 0;
  const r = k.retrialProbability;
  const de = 1 / k.retrialDelay;
  const idx = (n: number, m: number) => m * (N + 1) + n;
  const size = (N + 1) * (maxOrbit + 1);
  const inbound: { from: number; rate: number }[][] = Array.from({ length: size }, () => []);
  const outRate = new Array<number>(size).fill(0);
  const add = (from: number, to: number, rate: number) => {
    if (rate <= 0 || from === to) return;
    inbound[to]!.push({ from, rate });
    outRate[from]! += rate;
  };
  for (let m = 0; m <= maxOrbit; m++) {
    for (let n = 0; n <= N; n++) {
      const s = idx(n, m);
      // A fresh caller takes a line if one is free; else it joins the orbit with probability r.
      if (n < N) add(s, idx(n + 1, m), lam);
      else if (m < maxOrbit) add(s, idx(n, m + 1), lam * r);
      // Each orbiting caller tries again at rate δ: a free line takes it; else it stays (r) or quits.
      if (m > 0 && n < N) add(s, idx(n + 1, m - 1), m * de);
      if (m > 0 && n === N) add(s, idx(n, m - 1), m * de * (1 - r));
      // Busy agents finish at rate μ each.
      if (n > 0) add(s, idx(n - 1, m), Math.min(n, c) * mu);
      // Each waiting caller hangs up at rate θ and goes to the orbit with probability r.
      const waiting = Math.max(0, n - c);
      if (waiting > 0) {
        if (m < maxOrbit) {
          add(s, idx(n - 1, m + 1), waiting * th * r);
          add(s, idx(n - 1, m), waiting * th * (1 - r));
        } else {
          add(s, idx(n - 1, m), waiting * th);
        }
      }
    }
  }
  let pi = new Array<number>(size).fill(1 / size);
  for (let sweep = 0; sweep < 200_000; sweep++) {
    let change = 0;
    for (let s = 0; s < size; s++) {
      let flowIn = 0;
      for (const { from, rate } of inbound[s]!) flowIn += pi[from]! * rate;
      const next = flowIn / outRate[s]!;
      change = Math.max(change, Math.abs(next - pi[s]!));
      pi[s] = next;
    }
    const total = pi.reduce((a, b) => a + b, 0);
    pi = pi.map((x) => x / total);
    if (change < 1e-15 * total && sweep > 10) break;
  }
  return Array.from({ length: N + 1 }, (_, n) => Array.from({ length: maxOrbit + 1 }, (_, m) => pi[idx(n, m)]!));
}

/**
 * A caller with `ahead` callers waiting in front of it: P(answered), P(answered within T) and
 * E[wait; answered]. Its chain: k ahead -> k−1 at rate cμ + kθ (served or hung up in front),
 * from 0 ahead to "answered" at rate cμ; its own hang-up at rate θ from every state. Within-T
 * by uniformization: the jump chain at rate U run for Poisson(U·T) steps.
 */
export function waitingFate(cmu: number, th: number, ahead: number, t: number): { answered: number; within: number; meanWaitAnswered: number } {
  // First-step recursion from 0 ahead upwards: h = P(answered), g = E[wait; answered].
  let h = 0;
  let g = 0;
  for (let k = 0; k <= ahead; k++) {
    const leave = cmu + k * th + th;
    const forward = (cmu + k * th) / leave;
    const hBelow = k === 0 ? 1 : h;
    const gBelow = k === 0 ? 0 : g;
    h = forward * hBelow;
    g = forward * (hBelow / leave + gBelow);
  }
  // States 0..ahead (callers in front), plus absorbing "answered".
  const u = cmu + (ahead + 1) * th;
  let dist = new Array<number>(ahead + 1).fill(0);
  dist[ahead] = 1;
  let answeredMass = 0;
  let within = 0;
  const mean = u * t;
  let weight = Math.exp(-mean);
  for (let step = 0; ; step++) {
    if (step > 0) {
      const next = new Array<number>(ahead + 1).fill(0);
      for (let k = 0; k <= ahead; k++) {
        const p = dist[k]!;
        if (p === 0) continue;
        const forward = cmu + k * th;
        if (k === 0) answeredMass += (p * forward) / u;
        else next[k - 1]! += (p * forward) / u;
        next[k]! += (p * (u - forward - th)) / u; // the fictitious self-jump; θ is the hang-up
      }
      dist = next;
      weight *= mean / step;
    }
    within += weight * answeredMass;
    if (step > mean + 10 && weight < 1e-18) break; // the Poisson tail beyond is below 1e-17
    if (step > 100_000) throw new Error('waitingFate: too many steps');
  }
  return { answered: h, within, meanWaitAnswered: g };
}

/** Per-attempt metrics from the Gauss-Seidel law, an attempt seeing (n, m) at rate λ + mδ. */
export function referenceErlangX(k: XCase, maxOrbit: number): XReference {
  const pi = gaussSeidelStationary(k, maxOrbit);
  const c = k.agents;
  const N = k.lines;
  const cmu = c / k.aht;
  const th = Number.isFinite(k.patience) ? 1 / k.patience : 0;
  const de = 1 / k.retrialDelay;
  let attempts = 0, blocked = 0, admitted = 0, waits = 0, answered = 0, within = 0, waitSum = 0, busy = 0, edgeMass = 0;
  for (let n = 0; n <= N; n++) {
    for (let m = 0; m <= maxOrbit; m++) {
      const p = pi[n]![m]!;
      busy += Math.min(n, c) * p;
      if (m === maxOrbit) edgeMass += p;
      const rate = (k.arrivalRate + m * de) * p;
      attempts += rate;
      if (n === N) { blocked += rate; continue; }
      admitted += rate;
      if (n < c) { answered += rate; within += rate; continue; }
      const fate = waitingFate(cmu, th, n - c, k.slSeconds);
      waits += rate;
      answered += rate * fate.answered;
      within += rate * fate.within;
      waitSum += rate * fate.meanWaitAnswered;
    }
  }
  return {
    pBlock: blocked / attempts,
    pWait: waits / admitted,
    pAbandon: 1 - answered / admitted,
    serviceLevel: within / admitted,
    asa: waitSum / answered,
    occupancy: busy / c,
    effectiveArrivalRate: attempts,
    edgeMass,
  };
}
