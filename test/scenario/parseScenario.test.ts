import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError, type Scenario } from '../../src/scenario/index.js';
import { linesOf, minimal } from './fixtures.js';

const withType = (patch: Record<string, unknown>) => {
  const s = minimal();
  Object.assign(s.contactTypes[0], patch);
  return s;
};

describe('parseScenario(input): clock times', () => {
  it('accepts a one-digit hour, as a forecast CSV\'s interval_start does, and writes it "HH:MM"', () => {
    expect(parseScenario({ ...minimal(), start: '8:00' }).start).toBe('08:00');
    expect(parseScenario({ ...minimal(), start: '0:30' }).start).toBe('00:30');
    expect(parseScenario({ ...minimal(), start: '17:45' }).start).toBe('17:45');
    const shifts = { ...minimal(), start: '8:00', agentGroups: [{ id: 'agents', skills: ['calls'], shifts: [{ start: '7:30', minutes: 120, count: 10 }] }] };
    expect(parseScenario(shifts).agentGroups[0]!.shifts![0]!.start).toBe('07:30');
  });

  it('"8:00" and "08:00" give the same parsed scenario (and so the same run)', () => {
    expect(parseScenario({ ...minimal(), start: '8:00' })).toEqual(parseScenario({ ...minimal(), start: '08:00' }));
  });
});

describe('parseScenario(input)', () => {
  it('parses a minimal scenario and fills defaults', () => {
    const s: Scenario = parseScenario(minimal());
    expect(s.start).toBe('00:00');
    expect(s.warmupMinutes).toBe(0);
    expect(s.contactTypes[0]?.volume).toBe(100);
    expect(s.agentGroups[0]?.staff).toBe(10);
    expect(s.description).toBeUndefined();
  });

  it('parses a full scenario: voice, chat and email, bot, wrap-up, per-interval arrays', () => {
    const s = parseScenario({
      name: 'Full',
      description: 'every section-1 field',
      intervalMinutes: 15,
      intervals: 3,
      start: '08:00',
      warmupMinutes: 45,
      contactTypes: [
        {
          id: 'calls',
          channel: 'voice',
          volume: [10, 20, 30],
          handleTime: { dist: 'lognormal', mean: 240, cv: 0.8 },
          wrapUp: { dist: 'constant', value: 15 },
          patience: { dist: 'exponential', mean: 120 },
          serviceLevel: { seconds: 20, target: 0.8 },
          bot: { share: 0.6, containment: 0.35, duration: { dist: 'gamma', mean: 90, cv: 1 } },
        },
        {
          id: 'chats',
          channel: 'chat',
          volume: 12.5,
          handleTime: { dist: 'uniform', min: 60, max: 600 },
          patience: { dist: 'empirical', values: [30, 60, 600] },
          serviceLevel: { seconds: 60, target: 0.9 },
        },
        {
          id: 'email',
          channel: 'email',
          volume: 0,
          handleTime: { dist: 'exponential', mean: 300 },
          serviceLevel: { seconds: 86_400, target: 1 },
        },
      ],
      agentGroups: [
        { id: 'voice-team', skills: ['calls'], staff: [5, 6, 7] },
        { id: 'digital_team', skills: ['chats', 'email'], staff: 4, concurrency: 3 },
      ],
    });
    expect(s.start).toBe('08:00');
    expect(s.warmupMinutes).toBe(45);
    expect(s.contactTypes.map((t) => t.channel)).toEqual(['voice', 'chat', 'email']);
    expect(s.contactTypes[0]?.bot?.duration).toEqual({ dist: 'gamma', mean: 90, cv: 1 });
    expect(s.contactTypes[0]?.volume).toEqual([10, 20, 30]);
    expect(s.agentGroups[1]?.concurrency).toBe(3);
  });

  it('does not mutate its input', () => {
    const input = minimal();
    const before = JSON.stringify(input);
    parseScenario(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('throws ScenarioError whose message lists issues one per line', () => {
    const s = withType({ handleTime: { dist: 'exponential', mean: -1 }, patiance: 3 });
    let caught: unknown;
    try {
      parseScenario(s);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    const error = caught as ScenarioError;
    expect(error.name).toBe('ScenarioError');
    expect(error.message).toBe(
      'contactTypes[0].handleTime.mean: must be > 0\n' +
        'contactTypes[0].patiance: unknown key (did you mean "patience"?)',
    );
  });

  const cases: [string, () => unknown, string | string[]][] = [
    ['unknown key', () => withType({ patiance: { dist: 'exponential', mean: 1 } }),
      'contactTypes[0].patiance: unknown key (did you mean "patience"?)'],
    ['unknown top-level key', () => ({ ...minimal(), foo: 1 }), 'foo: unknown key'],
    ['wrong type', () => withType({ volume: 'lots' }),
      'contactTypes[0].volume: must be a number >= 0 or an array of them (one per interval)'],
    ['wrong type of a nested object', () => withType({ handleTime: 180 }),
      'contactTypes[0].handleTime: must be a distribution { "dist": ... } or an array of them (one per interval)'],
    ['missing field', () => ({ ...minimal(), name: undefined }), 'name: required'],
    ['empty name', () => ({ ...minimal(), name: '  ' }), 'name: must not be empty'],
    ['negative mean', () => withType({ handleTime: { dist: 'exponential', mean: -5 } }),
      'contactTypes[0].handleTime.mean: must be > 0'],
    ['NaN', () => withType({ handleTime: { dist: 'exponential', mean: Number.NaN } }),
      'contactTypes[0].handleTime.mean: must be a finite number'],
    ['Infinity', () => withType({ volume: [1, Number.POSITIVE_INFINITY] }),
      'contactTypes[0].volume[1]: must be a finite number'],
    ['bad enum', () => withType({ channel: 'phone' }),
      'contactTypes[0].channel: must be one of "voice", "chat", "email"'],
    ['unknown dist', () => withType({ handleTime: { dist: 'pareto', mean: 1 } }),
      'contactTypes[0].handleTime.dist: must be one of "exponential", "constant", "lognormal", "gamma", "uniform", "empirical", "weibull", "triangular", "mixture", "truncated"'],
    ['missing dist', () => withType({ handleTime: { mean: 1 } }),
      'contactTypes[0].handleTime.dist: required: one of "exponential", "constant", "lognormal", "gamma", "uniform", "empirical", "weibull", "triangular", "mixture", "truncated"'],
    ['weibull without scale', () => withType({ patience: { dist: 'weibull', shape: 1.5 } }),
      'contactTypes[0].patience.scale: required'],
    ['weibull shape 0', () => withType({ patience: { dist: 'weibull', shape: 0, scale: 60 } }),
      'contactTypes[0].patience.shape: must be >= 0.1'],
    ['weibull with a mean', () => withType({ patience: { dist: 'weibull', shape: 2, scale: 60, mean: 50 } }),
      'contactTypes[0].patience.mean: unknown key'],
    ['uniform max below min', () => withType({ handleTime: { dist: 'uniform', min: 10, max: 5 } }),
      'contactTypes[0].handleTime.max: must be >= min (10)'],
    ['empty empirical', () => withType({ handleTime: { dist: 'empirical', values: [] } }),
      'contactTypes[0].handleTime.values: must not be empty'],
    ['gamma cv 0', () => withType({ handleTime: { dist: 'gamma', mean: 10, cv: 0 } }),
      'contactTypes[0].handleTime.cv: must be > 0'],
    ['bad id', () => withType({ id: 'a b' }), [
      'contactTypes[0].id: must match [A-Za-z0-9_-]+ (letters, digits, "_", "-")',
      'agentGroups[0].skills[0]: unknown contact type "calls"',
    ]],
    ['service level target', () => withType({ serviceLevel: { seconds: 20, target: 1.2 } }),
      'contactTypes[0].serviceLevel.target: must be <= 1'],
    ['bot share', () => withType({ bot: { share: 1.5, containment: 0.3, duration: { dist: 'constant', value: 60 } } }),
      'contactTypes[0].bot.share: must be <= 1'],
    ['bot containment', () => withType({ bot: { share: 0.5, containment: -0.1, duration: { dist: 'constant', value: 60 } } }),
      'contactTypes[0].bot.containment: must be >= 0'],
    ['non-integer staff', () => ({ ...minimal(), agentGroups: [{ id: 'agents', skills: ['calls'], staff: [1, 2.5] }] }),
      'agentGroups[0].staff[1]: must be an integer'],
    ['zero concurrency', () => ({ ...minimal(), agentGroups: [{ id: 'agents', skills: ['calls'], staff: 1, concurrency: 0 }] }),
      'agentGroups[0].concurrency: must be >= 1'],
    ['empty skills', () => ({ ...minimal(), agentGroups: [{ id: 'agents', skills: [], staff: 1 }] }),
      'agentGroups[0].skills: must not be empty'],
    ['no contact types', () => ({ ...minimal(), contactTypes: [] }), 'contactTypes: must not be empty'],
    ['array length mismatch (volume)', () => ({ ...withType({ volume: [1, 2, 3] }), intervals: 2 }),
      'contactTypes[0].volume: has 3 values, expected 2 (one per interval)'],
    ['array length mismatch (staff)', () => ({ ...minimal(), agentGroups: [{ id: 'agents', skills: ['calls'], staff: [1] }] }),
      'agentGroups[0].staff: has 1 values, expected 2 (one per interval)'],
    ['duplicate contact type id', () => {
      const s = minimal();
      s.contactTypes.push({ ...s.contactTypes[0] });
      return s;
    }, 'contactTypes[1].id: duplicate contact type id "calls" (also contactTypes[0])'],
    ['duplicate group id', () => {
      const s = minimal();
      s.agentGroups.push({ ...s.agentGroups[0] });
      return s;
    }, 'agentGroups[1].id: duplicate agent group id "agents" (also agentGroups[0])'],
    ['duplicate skill', () => ({ ...minimal(), agentGroups: [{ id: 'agents', skills: ['calls', 'calls'], staff: 1 }] }),
      'agentGroups[0].skills[1]: duplicate skill "calls"'],
    ['patience on email', () => withType({ channel: 'email', patience: { dist: 'exponential', mean: 60 } }),
      'contactTypes[0].patience: not allowed on email (email contacts do not abandon)'],
    ['bad start', () => ({ ...minimal(), start: '24:00' }),
      'start: must be a time "HH:MM" from 00:00 to 23:59'],
    ['bad start format', () => ({ ...minimal(), start: '8:0' }),
      'start: must be a time "HH:MM" from 00:00 to 23:59'],
    ['bad start format (hour)', () => ({ ...minimal(), start: '008:00' }),
      'start: must be a time "HH:MM" from 00:00 to 23:59'],
    ['a service-level target written as a percentage', () => withType({ serviceLevel: { seconds: 20, target: 80 } }),
      'contactTypes[0].serviceLevel.target: must be <= 1 (a fraction: 0.8 for 80%)'],
    ['a bot share written as a percentage', () => withType({ bot: { share: 60, containment: 0.3, duration: { dist: 'constant', value: 60 } } }),
      'contactTypes[0].bot.share: must be <= 1 (a fraction: 0.6 for 60%)'],
    ['a fraction above 100 (no percentage hint)', () => withType({ serviceLevel: { seconds: 20, target: 800 } }),
      'contactTypes[0].serviceLevel.target: must be <= 1'],
    ['intervalMinutes not dividing 1440', () => ({ ...minimal(), intervalMinutes: 7 }),
      'intervalMinutes: must divide 1440 (e.g. 15, 30 or 60)'],
    ['non-integer intervals', () => ({ ...minimal(), intervals: 1.5 }), 'intervals: must be an integer'],
    ['negative warm-up', () => ({ ...minimal(), warmupMinutes: -1 }), 'warmupMinutes: must be >= 0'],
    ['inherited-looking keys', () => ({ ...minimal(), constructor: 1 }), 'constructor: unknown key'],
  ];
  for (const [label, build, expected] of cases) {
    it(`reports ${label} as "${String(expected)}"`, () => {
      expect(linesOf(() => parseScenario(build()))).toEqual(Array.isArray(expected) ? expected : [expected]);
    });
  }

  it('reports a misspelt skill and the type it leaves unserved', () => {
    const s = minimal();
    s.contactTypes.push({ id: 'email', channel: 'email', volume: 5,
      handleTime: { dist: 'exponential', mean: 300 }, serviceLevel: { seconds: 3600, target: 0.9 } });
    s.agentGroups.push({ id: 'back-office', skills: ['emial'], staff: 2 });
    expect(linesOf(() => parseScenario(s))).toEqual([
      'agentGroups[1].skills[0]: unknown contact type "emial"',
      'contactTypes[1]: no agent group has skill "email"',
    ]);
  });

  it('reports several issues together, schema and cross-field alike', () => {
    const s = withType({ channel: 'email', patience: { dist: 'exponential', mean: 60 }, volume: [1, -1, 2] });
    s.intervalMinutes = 0;
    s.agentGroups[0].skills = ['calls', 'chats'];
    expect(linesOf(() => parseScenario(s))).toEqual([
      'intervalMinutes: must be > 0',
      'contactTypes[0].volume[1]: must be >= 0',
      'contactTypes[0].volume: has 3 values, expected 2 (one per interval)',
      'contactTypes[0].patience: not allowed on email (email contacts do not abandon)',
      'agentGroups[0].skills[1]: unknown contact type "chats"',
    ]);
  });

  it('rejects a non-object', () => {
    expect(linesOf(() => parseScenario([]))).toEqual(['(root): must be an object (a scenario), not an array']);
    expect(linesOf(() => parseScenario(null))).toEqual(['(root): must be an object (a scenario), not null']);
  });

  it('reports an own "__proto__" key as unknown and leaves prototypes alone', () => {
    const s = minimal();
    Object.defineProperty(s.contactTypes[0], '__proto__', { value: { polluted: true }, enumerable: true });
    expect(linesOf(() => parseScenario(s))).toEqual(['contactTypes[0].__proto__: unknown key']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('ignores properties inherited from a prototype', () => {
    const s = Object.assign(Object.create({ warmupMinutes: -5, extra: 1 }) as object, minimal());
    expect(parseScenario(s).warmupMinutes).toBe(0);
    const plain = Object.assign(Object.create(null) as object, minimal());
    expect(parseScenario(plain).warmupMinutes).toBe(0);
  });
});

describe('parseScenario(input) with hostile objects', () => {
  it('reports a circular reference instead of overflowing the stack', () => {
    const s = minimal();
    s.contactTypes[0].handleTime.self = s.contactTypes[0];
    expect(linesOf(() => parseScenario(s))).toEqual([
      'contactTypes[0].handleTime.self: circular reference',
      'contactTypes[0].handleTime.self: unknown key',
    ]);
  });
});
