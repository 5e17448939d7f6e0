/**
 * The skills matrix: a row per contact type, a column per agent group. A ticked cell means the
 * group serves the type; its three optional numbers are the long-form skill (CONTRACT section 4):
 * priority (higher first), overflow delay (the group takes the type only once a contact has
 * waited that long) and proficiency (handle-time factor). Empty numbers are the defaults.
 */
import { agentGroups, contactTypes, pathText, setSkillCell, skillCell, type SkillCell } from '../builder/scenarioDocument.js';
import { el } from './dom.js';
import { fieldId, issueSlot, readNumberText, type FormContext } from './builderFields.js';

const SETTINGS = [
  ['priority', 'Priority', 'higher first; default 0'],
  ['afterSeconds', 'Overflow after (s)', 'the group takes this type only once a contact has waited this long; default 0'],
  ['handleTimeFactor', 'Handle-time factor', 'proficiency: this group’s handle time is the type’s times this; default 1'],
] as const;

export function skillsMatrix(ctx: FormContext): HTMLElement {
  const types = contactTypes(ctx.doc);
  const groups = agentGroups(ctx.doc);
  const slot = issueSlot('b-skills');
  const typeId = (i: number) => String(types[i]?.['id'] ?? `type ${i + 1}`);
  const groupId = (g: number) => String(groups[g]?.['id'] ?? `group ${g + 1}`);
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Contact type'));
  groups.forEach((_, g) => {
    const th = el('th', { scope: 'col', id: fieldId(`agentGroups[${g}].skills`) }, groupId(g));
    ctx.register(pathText(['agentGroups', g, 'skills']), th, slot);
    head.appendChild(th);
  });
  const body = el('tbody', {});
  types.forEach((_, t) => {
    const id = typeId(t);
    const tr = el('tr', {}, el('th', { scope: 'row' }, id));
    groups.forEach((_, g) => {
      const found = skillCell(ctx.doc, g, id);
      const boxId = `b-skill-${g}-${t}`;
      const box = el('input', { type: 'checkbox', id: boxId, 'data-testid': `skill-${g}-${t}` });
      box.checked = found !== null;
      box.addEventListener('change', () => {
        setSkillCell(ctx.doc, g, id, box.checked ? {} : null);
        ctx.restructure();
      });
      const cell = el('td', { class: found === null ? 'skill off' : 'skill on' }, el('div', { class: 'skill-serves' }, box, el('label', { for: boxId }, `${groupId(g)} serves ${id}`)));
      if (found !== null) {
        const path = ['agentGroups', g, 'skills', found.index] as const;
        ctx.register(pathText(path), box, slot);
        const values: Record<string, number | string | undefined> = { ...found.cell };
        for (const [key, label, title] of SETTINGS) {
          const inputId = `${boxId}-${key}`;
          const input = el('input', { type: 'text', inputmode: 'decimal', id: inputId, class: 'num small', title, autocomplete: 'off', 'data-path': pathText([...path, key]), 'data-testid': `skill-${g}-${t}-${key}` });
          const v = values[key];
          input.value = v === undefined ? '' : String(v);
          input.addEventListener('input', () => {
            values[key] = readNumberText(input.value);
            setSkillCell(ctx.doc, g, id, values as SkillCell);
            ctx.changed();
          });
          ctx.register(pathText([...path, key]), input, slot);
          cell.appendChild(el('div', { class: 'skill-setting' }, el('label', { for: inputId }, label), input));
        }
      }
      tr.appendChild(cell);
    });
    body.appendChild(tr);
  });
  if (types.length === 0 || groups.length === 0) {
    return el('div', { class: 'bskills' }, el('p', { class: 'hint' }, 'Add contact types and agent groups to say which group serves which type.'), slot);
  }
  return el(
    'div',
    { class: 'bskills', 'data-testid': 'skills-matrix' },
    el('p', { class: 'hint' }, 'Who serves what: tick a cell. Priority, overflow delay and handle-time factor are optional (empty = the default).'),
    el('div', { class: 'grid-wrap' }, el('table', { class: 'bgrid skills', 'aria-labelledby': 'skills-matrix-title' }, el('thead', {}, head), body)),
    slot,
  );
}
