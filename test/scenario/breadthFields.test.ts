import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/experiment/index.js';
import { parseScenario, parseScenarioText, scenarioJsonSchema } from '../../src/scenario/index.js';
import { linesOf, minimal } from './fixtures.js';

const constant = (value: number) => ({ dist: 'constant', value });

describe('section-4 fields: parsing', () => {
  it('accepts every contact-type and agent-group field of CONTRACT section 4', () => {
    const s = minimal();
    Object.assign(s.contactTypes[0], {
      handleTime: [{ dist: 'exponential', mean: 180 }, { dist: 'lognormal', mean: 200, cv: 0.5 }],
      priority: 2,
      retrial: { probability: 0.5, delay: { dist: 'exponential', mean: 300 } },
      repeat: { probability: 0.2, delay: constant(86_400) },
      serviceLevel: { seconds: 20, target: 0.8, shortAbandonSeconds: 5 },
      volumeUncertainty: { cv: 0.1 },
      maxAbandonRate: 0.05,
      maxAsa: 30,
      bot: { share: 0.5, containment: 0.3, dropout: 0.1, falseContainment: 0.2, duration: constant(60), escalatedHandleTime: constant(240), costPerSession: 0.4 },
    });
    s.contactTypes.push({ id: 'web', channel: 'chat', volume: 10, handleTime: constant(300), serviceLevel: { seconds: 60, target: 0.8 }, concurrencyFactor: [1, 1.2, 1.5] });
    s.agentGroups = [
      { id: 'a', skills: ['calls', { type: 'web', priority: 1, afterSeconds: 30, handleTimeFactor: 1.25 }], concurrency: 3, costPerHour: 30, maxOccupancy: 0.85, staff: 5 },
      { id: 'b', skills: [{ type: 'calls' }], shrinkage: 0.3, costPerHour: 25, shifts: [{ start: '00:00', minutes: 60, count: 4, day: 0, breaks: [{ offsetMinutes: 30, minutes: 10 }] }] },
    ];
    const parsed = parseScenario(s);
    expect(parsed.contactTypes[0]!.bot!.dropout).toBe(0.1);
    const config = buildModel(parsed);
    expect(config.types[0]!.handleTime.map((d) => d.mean)).toEqual([180, 200]);
    expect(config.types[1]!.concurrencyFactor).toEqual([1, 1.2, 1.5]);
    expect(config.groups[0]!.skills).toEqual([
      { type: 0, priority: 0, afterSeconds: 0, handleTimeFactor: 1 },
      { type: 1, priority: 1, afterSeconds: 30, handleTimeFactor: 1.25 },
    ]);
    // round(4 x 0.7) = 3 agents, away 30..40 min, gone at 60 min (the end: not in the plan).
    expect(config.groups[1]!.staffPlan).toEqual({ times: [0, 1800, 2400], levels: [3, 0, 3] });
  });

  it('the JSON Schema describes the long-form skill and shifts', () => {
    const schema = scenarioJsonSchema() as Record<string, any>;
    expect(schema['$defs'].Skill.properties.afterSeconds).toBeDefined();
    expect(schema['$defs'].Shift.properties.breaks).toBeDefined();
    expect(schema['properties'].forecast.type).toBe('string');
    expect(schema['properties'].agentGroups.items.oneOf).toEqual([{ required: ['staff'] }, { required: ['shifts'] }]);
  });
});

describe('section-4 fields: path-named errors', () => {
  const cases: [string, (s: Record<string, any>) => void, string[]][] = [
    ['a long-form skill naming an unknown type', (s) => (s.agentGroups[0].skills = [{ type: 'calls' }, { type: 'callz' }]),
      ['agentGroups[0].skills[1].type: unknown contact type "callz"']],
    ['a type only an unknown long-form skill would serve', (s) => (s.agentGroups[0].skills = [{ type: 'cals', afterSeconds: 20 }]),
      ['agentGroups[0].skills[0].type: unknown contact type "cals"', 'contactTypes[0]: no agent group has skill "calls"']],
    ['a misspelt long-form key', (s) => (s.agentGroups[0].skills = [{ type: 'calls', afterSecond: 20 }]),
      ['agentGroups[0].skills[0].afterSecond: unknown key (did you mean "afterSeconds"?)']],
    ['staff and shifts together', (s) => (s.agentGroups[0].shifts = [{ start: '00:00', minutes: 60, count: 1 }]),
      ['agentGroups[0].shifts: give either "staff" or "shifts", not both']],
    ['neither staff nor shifts', (s) => delete s.agentGroups[0].staff, ['agentGroups[0].staff: required (or give "shifts")']],
    ['a break past the shift end', (s) => {
      delete s.agentGroups[0].staff;
      s.agentGroups[0].shifts = [{ start: '00:00', minutes: 60, count: 1, breaks: [{ offsetMinutes: 50, minutes: 15 }] }];
    }, ['agentGroups[0].shifts[0].breaks[0]: ends 65 minutes into the shift, after its end (60 minutes)']],
    ['a shift outside the horizon', (s) => {
      delete s.agentGroups[0].staff;
      s.agentGroups[0].shifts = [{ start: '00:00', minutes: 60, count: 1 }, { start: '08:00', day: 2, minutes: 60, count: 1 }];
    }, ['agentGroups[0].shifts[1]: day 2 08:00 for 60 minutes lies outside the simulated horizon']],
    ['containment + dropout above 1', (s) => (s.contactTypes[0].bot = { share: 1, containment: 0.75, dropout: 0.5, duration: constant(1) }),
      ['contactTypes[0].bot.dropout: containment + dropout must be <= 1 (escalation is 1 - containment - dropout), got 1.25']],
    ['a concurrency factor on voice', (s) => (s.contactTypes[0].concurrencyFactor = [1, 1.1]),
      ['contactTypes[0].concurrencyFactor: only allowed on chat contact types']],
    ['a handle-time array of the wrong length', (s) => (s.contactTypes[0].handleTime = [constant(1), constant(2), constant(3)]),
      ['contactTypes[0].handleTime: has 3 values, expected 2 (one per interval)']],
    ['a bad distribution inside a handle-time array', (s) => (s.contactTypes[0].handleTime = [constant(1), { dist: 'exponential', mean: 0 }]),
      ['contactTypes[0].handleTime[1].mean: must be > 0']],
    ['a retrial probability above 1', (s) => (s.contactTypes[0].retrial = { probability: 1.5, delay: constant(1) }),
      ['contactTypes[0].retrial.probability: must be <= 1']],
    ['a fractional priority', (s) => (s.contactTypes[0].priority = 0.5), ['contactTypes[0].priority: must be an integer']],
    ['shrinkage of 1', (s) => (s.agentGroups[0].shrinkage = 1), ['agentGroups[0].shrinkage: must be < 1']],
    ['a forecast-error cv above 10 (almost every replication empty, a rare one astronomically large)', (s) => (s.contactTypes[0].volumeUncertainty = { cv: 11 }),
      ['contactTypes[0].volumeUncertainty.cv: must be <= 10']],
    ['a negative short-abandon threshold', (s) => (s.contactTypes[0].serviceLevel.shortAbandonSeconds = -1),
      ['contactTypes[0].serviceLevel.shortAbandonSeconds: must be >= 0']],
  ];
  for (const [name, patch, expected] of cases) {
    it(name, () => {
      const s = minimal();
      patch(s);
      expect(linesOf(() => parseScenario(s))).toEqual(expected);
    });
  }
});

describe('forecast CSV (interval_start,type,volume,aht)', () => {
  const scenario = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ ...minimal(), start: '08:00', forecast: 'demand.csv', ...extra });

  it('fills volume per interval and handle-time means, keeping the distribution family and cv', () => {
    const s = minimal();
    s.contactTypes[0].handleTime = { dist: 'lognormal', mean: 180, cv: 0.8 };
    const csv = 'interval_start,type,volume,aht\n08:00,calls,120,200\n08:30,calls,150,\n';
    const parsed = parseScenarioText(JSON.stringify({ ...s, start: '08:00', forecast: 'demand.csv' }), 's.json', { forecast: csv });
    expect(parsed.contactTypes[0]!.volume).toEqual([120, 150]);
    expect(parsed.contactTypes[0]!.handleTime).toEqual([{ dist: 'lognormal', mean: 200, cv: 0.8 }, { dist: 'lognormal', mean: 180, cv: 0.8 }]);
    expect(parsed.forecast).toBeUndefined(); // merged: the parsed scenario stands on its own
    expect(() => parseScenario(parsed)).not.toThrow();
  });

  it('accepts "<day> HH:MM" on horizons that pass a clock time twice, and quoted cells', () => {
    const text = JSON.stringify({ ...minimal(), intervalMinutes: 720, intervals: 3, start: '12:00', forecast: 'f.csv' });
    const csv = '"interval_start","type","volume"\r\n0 12:00,calls,"1"\r\n1 00:00,calls,2\r\n1 12:00,calls,3\r\n';
    expect(parseScenarioText(text, 's.json', { forecast: csv }).contactTypes[0]!.volume).toEqual([1, 2, 3]);
  });

  it('names the row and column of every bad cell', () => {
    const csv = [
      'interval_start,type,volume,aht',
      '08:00,calls,abc,180', // row 2
      '08:30,callz,10,180', // row 3
      '09:00,calls,10,180', // row 4: not an interval of this 2-interval day
      '08:30,calls,-1,0', // row 5
      '08:00,calls,5', // row 6: too few fields
    ].join('\n');
    expect(linesOf(() => parseScenarioText(scenario(), 's.json', { forecast: csv }))).toEqual([
      'forecast: demand.csv row 2, column "volume": must be a number >= 0, not "abc"',
      'forecast: demand.csv row 3, column "type": unknown contact type "callz"',
      'forecast: demand.csv row 4, column "interval_start": "09:00" is not the start of a simulated interval',
      'forecast: demand.csv row 5, column "volume": must be a number >= 0, not "-1"',
      'forecast: demand.csv row 5, column "aht": must be a number > 0 (seconds) or empty, not "0"',
      'forecast: demand.csv row 6: has 3 fields, expected 4',
    ]);
  });

  it('reports unknown or missing columns, duplicate and missing rows, ambiguous clock times', () => {
    expect(linesOf(() => parseScenarioText(scenario(), 's.json', { forecast: 'interval_start,type,volumes\n' }))).toEqual([
      'forecast: demand.csv row 1, column "volumes": unknown column (expected interval_start, type, volume, aht)',
      'forecast: demand.csv row 1, column "volume": missing column',
    ]);
    expect(linesOf(() => parseScenarioText(scenario(), 's.json', { forecast: 'interval_start,type,volume\n08:00,calls,1\n08:00,calls,2\n' }))).toEqual([
      'forecast: demand.csv row 3, column "interval_start": type "calls" at 08:00 is already given in row 2',
    ]);
    expect(linesOf(() => parseScenarioText(scenario(), 's.json', { forecast: 'interval_start,type,volume\n08:00,calls,1\n' }))).toEqual([
      'forecast: demand.csv: type "calls" has no row for interval 08:30',
    ]);
    const twoDays = JSON.stringify({ ...minimal(), intervalMinutes: 1440, intervals: 2, forecast: 'demand.csv' });
    expect(linesOf(() => parseScenarioText(twoDays, 's.json', { forecast: 'interval_start,type,volume\n00:00,calls,1\n1 00:00,calls,1\n' }))).toEqual([
      'forecast: demand.csv row 2, column "interval_start": "00:00" starts 2 intervals of the horizon: write "<day> 00:00" (day 0 is the first)',
    ]);
  });

  it('an empty CSV, or one with a header and no rows, says so', () => {
    for (const empty of ['', '\n\n', '\uFEFF']) {
      expect(linesOf(() => parseScenarioText(scenario(), 's.json', { forecast: empty }))).toEqual([
        'forecast: demand.csv row 1: empty file: expected the header interval_start,type,volume,aht',
      ]);
    }
    expect(linesOf(() => parseScenarioText(scenario(), 's.json', { forecast: 'interval_start,type,volume,aht\n\n' }))).toEqual([
      'forecast: demand.csv row 1: has a header but no rows: expected one row per interval and contact type',
    ]);
  });

  it('a semicolon-separated CSV gets a hint', () => {
    const csv = 'interval_start;type;volume;aht\n08:00;calls;120;200\n08:30;calls;150;180\n';
    expect(linesOf(() => parseScenarioText(scenario(), 's.json', { forecast: csv }))).toEqual([
      'forecast: demand.csv row 1: looks semicolon-separated: ccsim reads comma-separated CSV (expected the header interval_start,type,volume,aht)',
    ]);
  });

  it('a scenario starting at "8:00" takes the CSV\'s rows at 08:00 and 8:30', () => {
    const csv = 'interval_start,type,volume\n8:00,calls,120\n08:30,calls,150\n';
    const parsed = parseScenarioText(scenario({ start: '8:00' }), 's.json', { forecast: csv });
    expect(parsed.contactTypes[0]!.volume).toEqual([120, 150]);
    expect(parsed.start).toBe('08:00');
  });

  it('a forecast that was not read is an error, not silently ignored', () => {
    expect(linesOf(() => parseScenarioText(scenario(), 's.json'))).toEqual([
      'forecast: file "demand.csv" was not read: load the scenario from its file (ccsim, loadScenarioFile) or pass the CSV text',
    ]);
  });
});
