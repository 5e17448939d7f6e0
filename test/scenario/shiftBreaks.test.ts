/** Break windows, `stagger` and `breakGroups` in a shift: parsing, path-named errors, JSON Schema. */
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioJsonSchema } from '../../src/scenario/index.js';
import { linesOf, minimal } from './fixtures.js';

/** `minimal()` staffed by the given shifts instead of `staff` (a 2 x 30-minute horizon from 00:00). */
function withShifts(...shifts: Record<string, unknown>[]): Record<string, any> {
  const s = minimal();
  delete s.agentGroups[0].staff;
  s.agentGroups[0].shifts = shifts;
  return s;
}

const shift = (extra: Record<string, unknown>) => ({ start: '00:00', minutes: 180, count: 4, ...extra });
const fixed = (offsetMinutes: number, minutes: number) => ({ offsetMinutes, minutes });
const window = (earliestOffsetMinutes: number, latestOffsetMinutes: number, minutes: number) => ({ earliestOffsetMinutes, latestOffsetMinutes, minutes });

describe('shift breaks: accepted forms', () => {
  it('fixed breaks and break windows mixed in one shift, with a stagger', () => {
    const parsed = parseScenario(withShifts(shift({ stagger: 'latest', breaks: [fixed(30, 10), window(60, 105, 15), fixed(120, 10)] })));
    expect(parsed.agentGroups[0]!.shifts![0]!.breaks).toEqual([fixed(30, 10), window(60, 105, 15), fixed(120, 10)]);
    expect(parsed.agentGroups[0]!.shifts![0]!.stagger).toBe('latest');
  });

  it('break groups whose counts sum to the shift count, a break right after the latest end of another', () => {
    const s = withShifts(shift({ breakGroups: [{ count: 3, breaks: [fixed(60, 15)] }, { count: 1 }] }), shift({ breaks: [window(60, 90, 15), fixed(105, 10)] }));
    expect(parseScenario(s).agentGroups[0]!.shifts![0]!.breakGroups).toEqual([{ count: 3, breaks: [fixed(60, 15)] }, { count: 1 }]);
  });
});

describe('shift breaks: path-named errors', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['a window whose latest start is before its earliest', shift({ breaks: [window(90, 60, 15)] }),
      ['agentGroups[0].shifts[0].breaks[0].latestOffsetMinutes: must be >= earliestOffsetMinutes (90), got 60']],
    ['a window that may end after the shift', shift({ breaks: [window(60, 170, 15)] }),
      ['agentGroups[0].shifts[0].breaks[0]: may end 185 minutes into the shift (latest start 170 + 15 minutes), after its end (180 minutes)']],
    ['two windows that cannot overlap (one may end just as the other may start)', shift({ breaks: [window(60, 135, 15), window(150, 160, 15)] }),
      []],
    ['two windows that can overlap', shift({ breaks: [window(60, 135, 15), window(140, 160, 15)] }),
      ['agentGroups[0].shifts[0].breaks[1]: can overlap breaks[0] (breaks[0] may run until minute 150, this one may start at minute 140)']],
    ['a window listed after a fixed break it can overlap, starting before it', shift({ breaks: [fixed(100, 10), window(60, 95, 15)] }),
      ['agentGroups[0].shifts[0].breaks[1]: can overlap breaks[0] (breaks[0] may start at minute 100, this one may run until minute 110)']],
    ['a fixed break inside a window\'s reach', shift({ breaks: [window(100, 135, 15), fixed(140, 10)] }),
      ['agentGroups[0].shifts[0].breaks[1]: can overlap breaks[0] (breaks[0] may run until minute 150, this one may start at minute 140)']],
    ['two fixed breaks that overlap (the message of old)', shift({ breaks: [fixed(60, 15), fixed(70, 10)] }),
      ['agentGroups[0].shifts[0].breaks[1]: overlaps breaks[0]']],
    ['a window missing its latest start', shift({ breaks: [{ earliestOffsetMinutes: 60, minutes: 15 }] }),
      ['agentGroups[0].shifts[0].breaks[0].latestOffsetMinutes: required']],
    ['a break of neither form', shift({ breaks: [{ minutes: 15 }] }),
      ['agentGroups[0].shifts[0].breaks[0]: must be a fixed break { "offsetMinutes", "minutes" } or a break window { "earliestOffsetMinutes", "latestOffsetMinutes", "minutes" }']],
    ['an unknown stagger', shift({ stagger: 'random', breaks: [window(60, 90, 15)] }),
      ['agentGroups[0].shifts[0].stagger: must be one of "even", "earliest", "latest"']],
    ['break group counts that do not sum to the shift count', shift({ breakGroups: [{ count: 3 }, { count: 2 }] }),
      ["agentGroups[0].shifts[0].breakGroups: counts sum to 5, expected the shift's count (4)"]],
    ['breaks and break groups together', shift({ breaks: [fixed(30, 10)], breakGroups: [{ count: 4 }] }),
      ['agentGroups[0].shifts[0].breakGroups: give either "breaks" or "breakGroups", not both']],
    ['a stagger with break groups', shift({ stagger: 'even', breakGroups: [{ count: 4, breaks: [fixed(30, 10)] }] }),
      ['agentGroups[0].shifts[0].stagger: only with window breaks in "breaks", not with "breakGroups" (each group\'s breaks are fixed)']],
    ['a break group break past the shift end', shift({ breakGroups: [{ count: 1 }, { count: 3, breaks: [fixed(170, 15)] }] }),
      ['agentGroups[0].shifts[0].breakGroups[1].breaks[0]: ends 185 minutes into the shift, after its end (180 minutes)']],
    ['overlapping breaks in a break group', shift({ breakGroups: [{ count: 4, breaks: [fixed(60, 15), fixed(65, 15)] }] }),
      ['agentGroups[0].shifts[0].breakGroups[0].breaks[1]: overlaps breaks[0]']],
    ['a window in a break group (fixed breaks only)', shift({ breakGroups: [{ count: 4, breaks: [window(60, 90, 15)] }] }),
      ['agentGroups[0].shifts[0].breakGroups[0].breaks[0].offsetMinutes: required',
        'agentGroups[0].shifts[0].breakGroups[0].breaks[0].earliestOffsetMinutes: unknown key',
        'agentGroups[0].shifts[0].breakGroups[0].breaks[0].latestOffsetMinutes: unknown key (did you mean "offsetMinutes"?)']],
  ];
  for (const [name, bad, expected] of cases) {
    it(name, () => {
      const s = withShifts(bad);
      if (expected.length === 0) expect(() => parseScenario(s)).not.toThrow();
      else expect(linesOf(() => parseScenario(s))).toEqual(expected);
    });
  }
});

describe('shift breaks: JSON Schema', () => {
  it('describes both break forms, the stagger and the break groups', () => {
    const schema = scenarioJsonSchema() as Record<string, any>;
    const defs = schema['$defs'];
    const breaks = defs.Shift.properties.breaks;
    expect(breaks.description).toMatch(/fixed or windows/);
    const forms = breaks.items.anyOf as Record<string, any>[];
    expect(forms).toHaveLength(2);
    expect(breaks.items.description).toMatch(/break window/);
    expect(forms[0]!.properties.offsetMinutes.description).toBe('minutes after the shift start');
    expect(forms[1]).toEqual({ $ref: '#/$defs/BreakWindow' });
    expect(Object.keys(defs.BreakWindow.properties)).toEqual(['earliestOffsetMinutes', 'latestOffsetMinutes', 'minutes']);
    expect(defs.BreakWindow.additionalProperties).toBe(false);
    expect(defs.Shift.properties.stagger.enum).toEqual(['even', 'earliest', 'latest']);
    expect(defs.Shift.properties.stagger.description).toMatch(/round\(\(b - a\) x k \/ \(P - 1\)\)/);
    expect(defs.Shift.properties.breakGroups.items).toEqual({ $ref: '#/$defs/BreakGroup' });
    expect(defs.BreakGroup.required).toEqual(['count']);
  });
});
