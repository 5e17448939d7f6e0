// Compare the retail day with its voice-bot twin from a Node script, using every core.
//   node examples/compare-bot.mjs
import { compare, simulate } from 'ccsim';

const scenario = (name) => new URL(`../scenarios/${name}`, import.meta.url).pathname;

const out = await compare([scenario('retail-day.json'), scenario('chatbot-voice.json')], {
  replications: 20,
  seed: 1,
  onProgress: (done, total) => process.stderr.write(`\r${done}/${total} replications`),
});
process.stderr.write('\n');

const pct = (m) => (m.mean === null ? '-' : `${(m.mean * 100).toFixed(1)}%`);
const change = (m) => `${m.mean >= 0 ? '+' : ''}${(m.mean * 100).toFixed(1)} pts ±${(m.ci95 * 100).toFixed(1)}`;
const [base, bot] = out.runs;
const delta = out.deltas[0].summary;
console.log(`${out.baseline} -> ${out.deltas[0].scenario}`);
console.log(`service level  ${pct(base.summary.serviceLevel)} -> ${pct(bot.summary.serviceLevel)}  (${change(delta.serviceLevel)})`);
console.log(`abandon rate   ${pct(base.summary.abandonRate)} -> ${pct(bot.summary.abandonRate)}  (${change(delta.abandonRate)})`);
console.log(`occupancy      ${pct(base.summary.occupancy)} -> ${pct(bot.summary.occupancy)}  (${change(delta.occupancy)})`);
// Pooled ASA mixes calls (20 s) with email (4 h); each type's own paired delta tells the story.
const secs = (m) => `${m.mean.toFixed(1)} s`;
const calls = out.deltas[0].byType.calls.asa;
console.log(`calls ASA      ${secs(base.byType.calls.asa)} -> ${secs(bot.byType.calls.asa)}  (${calls.mean >= 0 ? '+' : ''}${calls.mean.toFixed(1)} s ±${calls.ci95.toFixed(1)})`);

// One scenario until every type's service level is known to +-1 point (the widest is checked).
const precise = await simulate(scenario('retail-day.json'), { replications: 10, precision: { halfWidth: 0.01 } });
const type = precise.precision.type;
const sl = precise.byType[type].serviceLevel;
console.log(`retail day ${type} service level ${pct(sl)} ±${(sl.ci95 * 100).toFixed(2)} after ${precise.replications} replications`);
