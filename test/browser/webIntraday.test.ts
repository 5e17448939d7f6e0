/**
 * The page's intraday parts that need no browser (web/src/intraday/fromNowState.ts): the layout of
 * the waits between the oldest and now, the form's values as a state.json with every problem at
 * its field's path, and the rest of the day equal to the CLI's (`restOfDay` of the Node API) for
 * the same state, with a card's what-ifs applied before the cut as `ccsim intraday --set` does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { restOfDay as cliRestOfDay } from '../../src/node/intradayApi.js';
import { parseScenario } from '../../src/scenario/index.js';
import { describeState, plannedStaffAt, readStateText, restOfDay, spreadSeconds, SPREAD_RULE, stateFromForm, type StateFormValues } from '../../web/src/intraday/fromNowState.js';
import { emptyKnobs, KNOB_TABLE, setKnob } from '../../web/src/model/knobs.js';
import { prepareScenario } from '../../web/src/model/prepare.js';

const TWO_SKILLS = fileURLToPath(new URL('../../scenarios/two-skills.json', import.meta.url));
const raw = JSON.parse(readFileSync(TWO_SKILLS, 'utf8')) as Record<string, unknown>;
const scenario = parseScenario(raw);

const values = (over: Partial<StateFormValues> = {}): StateFormValues => ({
  now: '11:00',
  waiting: { sales: { count: '5', longest: '100' }, support: { count: '', longest: '' } },
  inService: { 'sales-team': { sales: { count: '4', longest: '200' } }, flex: { sales: { count: '0', longest: '' }, support: { count: '2', longest: '90' } } },
  staff: { flex: '6', 'sales-team': '' },
  ...over,
});

describe('the waits between the oldest and now', () => {
  test('evenly spread from the oldest, rounded to the second, longest first; the rule the page states', () => {
    expect(spreadSeconds(4, 120)).toEqual([120, 90, 60, 30]);
    expect(spreadSeconds(3, 100)).toEqual([100, 67, 33]);
    expect(spreadSeconds(1, 45)).toEqual([45]);
    expect(spreadSeconds(0, 45)).toEqual([]);
    expect(SPREAD_RULE).toContain(`4 waiting, the oldest at 120 s: ${spreadSeconds(4, 120).slice(0, 3).join(', ')} and ${spreadSeconds(4, 120)[3]} s`);
  });
});

describe('the form as a state.json', () => {
  test('counts and the longest become the lists ccsim intraday reads; empty counts and staff are left out', () => {
    const built = stateFromForm(scenario, values());
    expect(built).toEqual({
      ok: true,
      state: { waiting: { sales: [100, 80, 60, 40, 20] }, inService: { 'sales-team': { sales: [200, 150, 100, 50] }, flex: { support: [90, 45] } }, staff: { flex: 6 } },
    });
  });

  test('every problem at the path of its field, all at once', () => {
    const built = stateFromForm(
      scenario,
      values({
        now: '11:10',
        waiting: { sales: { count: '-2', longest: '100' }, support: { count: '3', longest: '' } },
        inService: { flex: { support: { count: '1', longest: 'ten' } } },
        staff: { flex: '2.5' },
      }),
    );
    expect(built.ok).toBe(false);
    expect(built.ok ? [] : built.issues).toEqual([
      { path: 'now', message: '11:10 is not an interval boundary (intervals of 30 minutes from 08:00)' },
      { path: 'waiting.sales.count', message: 'must be a whole number of contacts from 0 to 10000, got -2' },
      { path: 'waiting.support.longest', message: 'the oldest wait in seconds: needed when 3 contacts are waiting' },
      { path: 'inService.flex.support.longest', message: 'must be a number of seconds >= 0, got ten' },
      { path: 'staff.flex', message: "must be a whole number of agents >= 0 (empty: the plan's), got 2.5" },
    ]);
    const late = stateFromForm(scenario, values({ now: '16:00', waiting: { sales: { count: '20000', longest: '1' } } }));
    expect(late.ok ? [] : late.issues).toEqual([
      { path: 'now', message: "16:00 is not within the scenario's day (intervals start 08:00 to 15:30)" },
      { path: 'waiting.sales.count', message: 'must be a whole number of contacts from 0 to 10000, got 20000' },
    ]);
  });

  test("the plan's agents at a time (the empty staff field's meaning); none for a time that is no boundary", () => {
    expect(plannedStaffAt(scenario, '11:00')).toEqual([40, 72, 8]);
    expect(plannedStaffAt(scenario, '11:15')).toBeNull();
  });

  test('a pasted text: JSON, or the reason it is not', () => {
    expect(readStateText('{"waiting":{}}')).toEqual({ ok: true, input: { waiting: {} } });
    const bad = readStateText('{ "waiting": ');
    expect(bad.ok ? '' : `${bad.issues[0]!.path}: ${bad.issues[0]!.message}`).toMatch(/^state\.json: not valid JSON \(/);
    expect(readStateText('  ').ok).toBe(false);
    expect(describeState({ waiting: { sales: [1, 2] }, inService: { flex: { support: [3] } }, staff: { flex: 6 } })).toBe('2 waiting (sales 2), 1 in hand, staff now: flex 6');
  });
});

describe('the rest of the day', () => {
  const state = { waiting: { sales: [100, 80, 60, 40, 20], support: [60, 40, 20] }, inService: { flex: { support: [90, 45] } }, staff: { flex: 6 } };

  test("is the CLI's for the same scenario and state", async () => {
    const page = restOfDay({ ok: true, scenario }, '11:00', state);
    const cli = await cliRestOfDay(TWO_SKILLS, { now: '11:00', state });
    expect(page).toEqual({ ok: true, scenario: cli.scenario });
    expect(page.ok && page.scenario.start).toBe('11:00');
    expect(page.ok && page.scenario.initialState).toEqual({ waiting: state.waiting, inService: state.inService });
  });

  test('a what-if of the card acts on the whole day before the cut, as ccsim intraday --set does', async () => {
    const knobs = emptyKnobs();
    setKnob(knobs, KNOB_TABLE.find((k) => k.key === 'addAgents')!, 'flex', 3);
    const page = restOfDay(prepareScenario(raw, knobs), '11:00', state);
    const plus3 = structuredClone(raw) as { agentGroups: { id: string; staff: unknown }[] };
    plus3.agentGroups.find((g) => g.id === 'flex')!.staff = 11;
    const cli = await cliRestOfDay(plus3 as unknown as Record<string, unknown>, { now: '11:00', state });
    expect(page.ok).toBe(true);
    expect(page.ok && { ...page.scenario, name: '' }).toEqual({ ...cli.scenario, name: '' });
    // The state's 6 flex agents now, the what-if's 11 after.
    expect(page.ok && page.scenario.agentGroups[2]!.staff).toEqual([6, ...new Array<number>(9).fill(11)]);
  });

  test("a state that does not fit: the CLI's messages at their paths, the time as the page's field", () => {
    const bad = restOfDay({ ok: true, scenario }, '11:00', { waiting: { sales: [10, -4] }, inService: { flex: { support: [1, 2, 3, 4, 5, 6, 7, 8, 9] } } });
    expect(bad.ok ? [] : bad.issues).toEqual([
      { path: 'waiting.sales[1]', message: 'must be a number of seconds >= 0, got -4' },
      { path: 'inService.flex', message: "9 contacts in hand need 9 agents, but 8 are present (the scenario's staff at 11:00)" },
    ]);
    const late = restOfDay({ ok: true, scenario }, '19:00', {});
    expect(late.ok ? [] : late.issues).toEqual([{ path: 'now', message: "19:00 is not within the scenario's day (intervals start 08:00 to 15:30)" }]);
    const invalid = { ok: false as const, issues: [{ path: 'x', message: 'y' }] };
    expect(restOfDay(invalid, '11:00', {})).toBe(invalid);
  });
});
