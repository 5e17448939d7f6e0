/** The web page's pure logic (no browser): what-if knobs on scenario JSON, and the URL hash. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseScenario, ScenarioError } from '../../src/scenario/index.js';
import { applyKnobs, describeKnobs, emptyKnobs, isEmpty, KNOB_TABLE, knobTokens, knobValue, multiplierQuestions, parseKnobTokens, setKnob, unknownKnobIds } from '../../web/src/model/knobs.js';
import { forecastWanted, prepareScenario } from '../../web/src/model/prepare.js';
import { decodeState, encodeState } from '../../web/src/model/urlState.js';
import { intervalLabels, intervalRange } from '../../web/src/model/intervals.js';

const raw = (name: string): Record<string, any> =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url)), 'utf8')) as Record<string, any>;

describe('what-if knobs', () => {
  test('no knobs: a deep copy, equal to the file', () => {
    const s = raw('retail-day');
    const out = applyKnobs(s, emptyKnobs());
    expect(out).toEqual(s);
    expect(out).not.toBe(s);
  });

  test('volume, handle time and staff multipliers, agents added, per-type settings', () => {
    const s = raw('retail-day');
    const k = { ...emptyKnobs(), volume: 1.1, handleTime: 0.9, staff: 0.5, addAgents: { 'voice-team': 2 }, patience: { calls: 200, chat: 60 }, slTarget: { calls: 0.9 } };
    const out = applyKnobs(s, k) as Record<string, any>;
    expect(out['contactTypes'][0].volume[0]).toBeCloseTo(s['contactTypes'][0].volume[0] * 1.1, 12);
    expect(out['contactTypes'][0].handleTime).toEqual({ ...s['contactTypes'][0].handleTime, mean: s['contactTypes'][0].handleTime.mean * 0.9 });
    expect(out['agentGroups'][0].staff[0]).toBe(Math.round(s['agentGroups'][0].staff[0] * 0.5) + 2);
    expect(out['agentGroups'][1].staff[0]).toBe(Math.round(s['agentGroups'][1].staff[0] * 0.5));
    expect(out['contactTypes'][0].patience).toEqual({ dist: 'lognormal', mean: 200, cv: 1.2 });
    expect(out['contactTypes'][1].patience).toEqual({ dist: 'exponential', mean: 60 });
    expect(out['contactTypes'][0].serviceLevel).toEqual({ seconds: 20, target: 0.9 });
    expect(parseScenario(out).contactTypes).toHaveLength(3);
    expect(s['contactTypes'][0].patience.mean).toBe(180); // the input is untouched
  });

  test('the handle-time multiplier scales every length of every kind: weibull, triangular, mixture, truncated', () => {
    const s = raw('retail-day');
    s['contactTypes'][0].handleTime = {
      dist: 'mixture',
      of: [
        { weight: 0.5, dist: { dist: 'triangular', min: 60, mode: 120, max: 600 } },
        { weight: 0.5, dist: { dist: 'truncated', of: { dist: 'weibull', shape: 1.5, scale: 300 }, min: 30, max: 900 } },
      ],
    };
    const out = applyKnobs(s, { ...emptyKnobs(), handleTime: 2 }) as Record<string, any>;
    expect(out['contactTypes'][0].handleTime).toEqual({
      dist: 'mixture',
      of: [
        { weight: 0.5, dist: { dist: 'triangular', min: 120, mode: 240, max: 1200 } },
        { weight: 0.5, dist: { dist: 'truncated', of: { dist: 'weibull', shape: 1.5, scale: 600 }, min: 60, max: 1800 } },
      ],
    });
    expect(parseScenario(out).contactTypes[0]!.handleTime).toEqual(out['contactTypes'][0].handleTime);
  });

  test('bot share and containment change a bot, or add one with the bundled bot’s session length', () => {
    const withBot = applyKnobs(raw('chatbot-voice'), { ...emptyKnobs(), botShare: { calls: 0.5 } }) as Record<string, any>;
    expect(withBot['contactTypes'][0].bot).toMatchObject({ share: 0.5, containment: 0.3 });
    const added = applyKnobs(raw('retail-day'), { ...emptyKnobs(), botShare: { calls: 0.6 }, botContainment: { calls: 0.25 } }) as Record<string, any>;
    expect(added['contactTypes'][0].bot).toEqual({ share: 0.6, containment: 0.25, duration: { dist: 'lognormal', mean: 90, cv: 1 } });
    expect(parseScenario(added).contactTypes[0]!.bot?.share).toBe(0.6);
  });

  test('agents on shifts with break groups: the groups share the new count (largest remainder), so they still sum to it', () => {
    const s = raw('retail-day');
    const group = { start: '08:00', minutes: 240, count: 7, breakGroups: [{ count: 3, breaks: [{ offsetMinutes: 60, minutes: 15 }] }, { count: 2 }, { count: 2 }] };
    s['agentGroups'][0] = { id: s['agentGroups'][0].id, skills: s['agentGroups'][0].skills, shifts: [group] };
    const doubled = applyKnobs(s, { ...emptyKnobs(), staff: 2 }) as Record<string, any>;
    expect(doubled['agentGroups'][0].shifts[0].count).toBe(14);
    expect(doubled['agentGroups'][0].shifts[0].breakGroups).toEqual([{ count: 6, breaks: [{ offsetMinutes: 60, minutes: 15 }] }, { count: 4 }, { count: 4 }]);
    // 7 - 2 = 5: 15/7, 10/7, 10/7 -> floors [2, 1, 1], the one left to the largest remainder (3/7, tied: the earlier group).
    const fewer = applyKnobs(s, { ...emptyKnobs(), addAgents: { [s['agentGroups'][0].id]: -2 } }) as Record<string, any>;
    expect(fewer['agentGroups'][0].shifts[0].breakGroups.map((g: { count: number }) => g.count)).toEqual([2, 2, 1]);
    expect(() => parseScenario(fewer)).not.toThrow();
    expect(group.count).toBe(7); // the input is untouched
  });

  test('values out of range are left for validation, which names the field', () => {
    const out = applyKnobs(raw('retail-day'), { ...emptyKnobs(), slTarget: { calls: 1.5 }, addAgents: { 'voice-team': -100 } });
    let issues: string[] = [];
    try {
      parseScenario(out);
    } catch (error) {
      issues = (error as ScenarioError).issues.map((i) => i.path);
    }
    expect(issues).toContain('contactTypes[0].serviceLevel.target');
    expect(issues).toContain('agentGroups[0].staff[0]');
  });

  test('knobs for groups or types the scenario lacks are named', () => {
    const k = { ...emptyKnobs(), addAgents: { agents: 2, 'voice-team': 1 }, patience: { calls: 100, sms: 50 }, slTarget: { sms: 0.5 } };
    expect(unknownKnobIds(raw('retail-day'), k)).toEqual([
      { path: 'what if', message: 'the scenario has no agent group "agents"' },
      { path: 'what if', message: 'the scenario has no contact type "sms"' },
    ]);
  });

  test('tokens round-trip; malformed ones are rejected', () => {
    const k = { ...emptyKnobs(), volume: 1.25, staff: 0.9, addAgents: { 'voice-team': -3 }, botContainment: { calls: 0.4 } };
    expect(parseKnobTokens(knobTokens(k))).toEqual({ knobs: k, rejected: [] });
    expect(parseKnobTokens(['vol:abc', 'nope:1', 'add:3', 'pat.calls:200']).rejected).toEqual(['vol:abc', 'nope:1', 'add:3']);
    expect(describeKnobs(k)).toBe('volume ×1.25, staff ×0.9, voice-team -3, calls containment 0.4');
  });
});

describe('multiplierQuestions(knobs)', () => {
  test('a multiplier above 10 reads as a percentage typed into a × field, and says which multiplier it means', () => {
    expect(multiplierQuestions({ ...emptyKnobs(), volume: 110 })).toEqual([
      { knob: 'volume', value: 110, suggested: 1.1, question: '×110 multiplies volume by 110: did you mean +10% (×1.1)?' },
    ]);
    const q = multiplierQuestions({ ...emptyKnobs(), volume: 50, handleTime: 100, staff: 120.5 }).map((x) => x.question);
    expect(q).toEqual([
      '×50 multiplies volume by 50: did you mean −50% (×0.5)?',
      '×100 multiplies handle time by 100: did you mean no change (×1)?',
      '×120.5 multiplies staff by 120.5: did you mean +20.5% (×1.205)?',
    ]);
  });

  test('1.1, 10 and no multiplier ask nothing', () => {
    for (const volume of [1.1, 10, 0, undefined]) expect(multiplierQuestions({ ...emptyKnobs(), ...(volume === undefined ? {} : { volume }) })).toEqual([]);
  });
});

describe('prepareScenario with a `forecast` field', () => {
  const scenario = { ...raw('two-skills'), forecast: 'in/forecast.csv' };

  test('without its CSV: asks for the file by name, in plain words', () => {
    expect(forecastWanted(scenario, undefined)).toBe('forecast.csv');
    expect(prepareScenario(scenario, emptyKnobs())).toEqual({
      ok: false,
      issues: [{ path: 'forecast', message: 'this scenario reads its volumes from forecast.csv: choose that file (“Forecast CSV” under “What if…” on its card)' }],
    });
  });

  test('with it: merged and validated', () => {
    const s = raw('two-skills');
    const clock = (i: number) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`;
    const rows = Array.from({ length: s['intervals'] as number }, (_, i) => `${clock(i)},sales,${100 + i},`);
    const forecast = { fileName: 'forecast.csv', text: ['interval_start,type,volume,aht', ...rows].join('\n') };
    expect(forecastWanted(scenario, forecast)).toBeUndefined();
    const p = prepareScenario(scenario, emptyKnobs(), forecast);
    expect(p.ok && p.scenario.contactTypes.find((t) => t.id === 'sales')?.volume).toEqual(rows.map((_, i) => 100 + i));
  });
});

describe('URL hash', () => {
  const ids = ['chatbot-voice', 'retail-day', 'two-skills'];
  test('round trip, uploads left out', () => {
    const knobs = { ...emptyKnobs(), staff: 0.9, addAgents: { 'voice-team': 4 } };
    const state = { cards: [{ source: 'retail-day', knobs: emptyKnobs() }, { source: 'retail-day', knobs }, { source: 'upload:1', knobs: emptyKnobs() }], replications: 30, seed: 7, type: 'chat' };
    const hash = encodeState(state, { run: '1' });
    expect(hash).toBe('#s=retail-day&s=retail-day,staff:0.9,add.voice-team:4&reps=30&seed=7&type=chat&run=1');
    expect(decodeState(hash, ids)).toEqual({ state: { ...state, cards: state.cards.slice(0, 2) }, issues: [], run: true });
  });

  test('what it cannot use is reported under `url`', () => {
    const { state, issues } = decodeState('#s=nowhere&s=two-skills,bogus:1&reps=0&seed=-1&x=2', ids);
    expect(state.cards).toEqual([{ source: 'two-skills', knobs: emptyKnobs() }]);
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'url: unknown bundled scenario "nowhere" (bundled: chatbot-voice, retail-day, two-skills)',
      'url: unknown setting "bogus:1" for two-skills',
      'url: reps must be an integer from 1 to 1000',
      'url: seed must be an integer >= 0',
      'url: unknown parameter "x"',
    ]);
  });
});

describe('the knob table', () => {
  const ids = ['retail-day'];
  const s = raw('retail-day');
  /** The first id of the list a knob acts on ('' for a multiplier). */
  const idFor = (spec: (typeof KNOB_TABLE)[number]) => (spec.kind === 'multiplier' ? '' : String(s[spec.on][0].id));

  test('each knob alone: set and read back, in the link and back, described, and it changes the scenario', () => {
    for (const spec of KNOB_TABLE) {
      const id = idFor(spec);
      const knobs = emptyKnobs();
      setKnob(knobs, spec, id, 0.5);
      expect(knobValue(knobs, spec, id), spec.key).toBe(0.5);
      expect(isEmpty(knobs), spec.key).toBe(false);
      const hash = encodeState({ cards: [{ source: 'retail-day', knobs }], replications: 20, seed: 1, type: null });
      expect(hash, spec.key).toBe(`#s=retail-day,${spec.token}${id === '' ? '' : `.${id}`}:0.5&reps=20&seed=1`);
      expect(decodeState(hash, ids), spec.key).toEqual({ state: { cards: [{ source: 'retail-day', knobs }], replications: 20, seed: 1 }, issues: [], run: false });
      expect(describeKnobs(knobs), spec.key).not.toBe('');
      expect(applyKnobs(s, knobs), spec.key).not.toEqual(s);
      setKnob(knobs, spec, id, undefined);
      expect(knobs, spec.key).toEqual(emptyKnobs());
    }
  });

  test('keys, URL tokens and form names are each unique', () => {
    for (const field of ['key', 'token', 'name'] as const) expect(new Set(KNOB_TABLE.map((spec) => spec[field])).size, field).toBe(KNOB_TABLE.length);
  });

  test('a link with every knob (written before the table) reads as it always did, and is written back the same', () => {
    const hash = '#s=retail-day,vol:1.1,aht:0.9,staff:0.8,add.voice-team:2,add.digital-team:-1,pat.calls:200,sl.chat:0.85,bot.calls:0.5,cont.calls:0.3&reps=20&seed=1';
    const knobs = {
      volume: 1.1,
      handleTime: 0.9,
      staff: 0.8,
      addAgents: { 'voice-team': 2, 'digital-team': -1 },
      patience: { calls: 200 },
      slTarget: { chat: 0.85 },
      botShare: { calls: 0.5 },
      botContainment: { calls: 0.3 },
    };
    expect(decodeState(hash, ids)).toEqual({ state: { cards: [{ source: 'retail-day', knobs }], replications: 20, seed: 1 }, issues: [], run: false });
    expect(encodeState({ cards: [{ source: 'retail-day', knobs }], replications: 20, seed: 1, type: null })).toBe(hash);
    expect(describeKnobs(knobs)).toBe('volume ×1.1, handle time ×0.9, staff ×0.8, voice-team +2, digital-team -1, calls patience 200 s, chat SL target 0.85, calls bot share 0.5, calls containment 0.3');
    // Agents are added after the staff multiplier, both in whole agents.
    const out = applyKnobs(s, knobs) as Record<string, any>;
    expect(out['agentGroups'][0].staff).toEqual(s['agentGroups'][0].staff.map((x: number) => Math.round(x * 0.8) + 2));
    expect(out['agentGroups'][1].staff).toEqual(s['agentGroups'][1].staff.map((x: number) => Math.round(x * 0.8) - 1));
  });
});

describe('interval labels', () => {
  test('clock times, with the day from the second day on', () => {
    const labels = intervalLabels('22:00', 60, 4);
    expect(labels).toEqual(['22:00', '23:00', 'Day 2 00:00', 'Day 2 01:00']);
    expect(intervalRange(labels, 1, 60)).toBe('23:00–00:00');
    expect(intervalRange(labels, 3, 60)).toBe('Day 2 01:00–02:00');
  });
});
