import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/flags.js';
import { UsageError } from '../../src/cli/io.js';
import { getAtPath, setAtPath } from '../../src/experiment/index.js';
import { closestName } from '../../src/scenario/index.js';
import { cli } from '../support/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const twoSkills = join(root, 'scenarios/two-skills.json');

function usageMessage(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('expected a UsageError');
}

describe('closestName(word, known)', () => {
  it('finds the known name within about a third of the letters, ignoring case', () => {
    expect(closestName('--replicatons', ['--replications', '--seed'])).toBe('--replications');
    expect(closestName('Volume', ['volume', 'handleTime'])).toBe('volume');
    expect(closestName('contactType', ['name', 'contactTypes', 'agentGroups'])).toBe('contactTypes');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(closestName('--bogus', ['--replications', '--seed', '--json'])).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });
});

describe('parseCommandLine(argv, options): unknown flags', () => {
  const options = { replications: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } } as const;

  it('names the closest known flag', () => {
    expect(usageMessage(() => parseCommandLine(['--replicatons', '5'], options))).toBe("Unknown option '--replicatons' (did you mean --replications?)");
    expect(usageMessage(() => parseCommandLine(['--jsno'], options))).toBe("Unknown option '--jsno' (did you mean --json?)");
    expect(usageMessage(() => parseCommandLine(['--sed=3'], options))).toBe("Unknown option '--sed' (did you mean --seed?)");
  });

  it('says only that the flag is unknown when nothing is close', () => {
    expect(usageMessage(() => parseCommandLine(['--bogus'], options))).toBe("Unknown option '--bogus'");
  });

  it('ccsim run --replicatons 2 exits 2 with the hint, writing nothing on stdout', async () => {
    expect(await cli('run', twoSkills, '--replicatons', '2')).toEqual({
      code: 2,
      stdout: '',
      stderr: "ccsim run: Unknown option '--replicatons' (did you mean --replications?)\n",
    });
    expect((await cli('erlang', '--volum', '100')).stderr).toContain('(did you mean --volume?)');
  });
});

describe('runCli(argv): an unknown command', () => {
  it('names the closest command', async () => {
    const { code, stderr } = await cli('rn', twoSkills);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ccsim: unknown command "rn" \(did you mean run\?\) \(commands: run, /);
    expect((await cli('shedule')).stderr).toContain('(did you mean schedule?)');
    expect((await cli('frobnicate')).stderr).toMatch(/^ccsim: unknown command "frobnicate" \(commands: /);
  });
});

describe('getAtPath / setAtPath: a missing step', () => {
  const scenario = { contactTypes: [{ id: 'calls', volume: 10, serviceLevel: { seconds: 20, target: 0.8 } }], agentGroups: [] as unknown[] };

  it('names the closest field of that object', () => {
    expect(() => getAtPath(scenario, 'contactTypes[0].volum')).toThrow('no field contactTypes[0].volum in the scenario (did you mean "volume"?)');
    expect(() => getAtPath(scenario, 'contactType[0].volume')).toThrow('no field contactType in the scenario (did you mean "contactTypes"?)');
    expect(() => setAtPath(scenario, 'contactTypes[0].serviceLevl.target', 1)).toThrow('(did you mean "serviceLevel"?)');
  });

  it('says which indexes a list has, and that a list needs one', () => {
    expect(() => getAtPath(scenario, 'contactTypes[3].volume')).toThrow('no field contactTypes[3] in the scenario (it has 1 item: [0] to [0])');
    expect(() => getAtPath(scenario, 'agentGroups[0].staff')).toThrow('no field agentGroups[0] in the scenario (the list is empty)');
    expect(() => getAtPath(scenario, 'contactTypes.volume')).toThrow('no field contactTypes.volume in the scenario (a list: index it, e.g. [0])');
  });

  it('suggests nothing for an unrelated name', () => {
    expect(() => getAtPath(scenario, 'contactTypes[0].zzzzzz')).toThrow(/^no field contactTypes\[0\]\.zzzzzz in the scenario$/);
  });

  it('ccsim sweep --set with a misspelt path exits 2 with the hint', async () => {
    expect(await cli('sweep', twoSkills, '--set', 'agentGroups[0].staf=1,2')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'ccsim sweep: --set: no field agentGroups[0].staf in the scenario (did you mean "staff"?)\n',
    });
  });
});
