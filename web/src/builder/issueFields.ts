/**
 * Where a validation issue is shown: the form field whose path is the longest prefix of the
 * issue's path (`contactTypes[0].handleTime.mean` at the mean's input; `agentGroups[1].skills` at
 * the group's row of the skills matrix; `contactTypes[2]` at the type's fieldset), or nowhere
 * (the summary only) when no field's path is a prefix. Pure: no DOM.
 */

/** The prefixes of a path as the CLI writes it, shortest first: `a[0].b` -> `a`, `a[0]`, `a[0].b`. */
export function pathPrefixes(path: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '[') {
      // An index `[3]`, or a quoted key `["odd key"]` (a JSON string: skip escapes).
      if (path[i + 1] === '"') {
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        i = path.indexOf(']', j) < 0 ? path.length : path.indexOf(']', j) + 1;
      } else {
        const end = path.indexOf(']', i);
        i = end < 0 ? path.length : end + 1;
      }
    } else {
      if (ch === '.') i++;
      while (i < path.length && path[i] !== '.' && path[i] !== '[') i++;
    }
    out.push(path.slice(0, i));
  }
  return out;
}

/** The registered field an issue at `issuePath` belongs to (its longest prefix among `fields`). */
export function fieldForIssue(issuePath: string, fields: ReadonlySet<string>): string | undefined {
  const prefixes = pathPrefixes(issuePath);
  for (let k = prefixes.length - 1; k >= 0; k--) if (fields.has(prefixes[k]!)) return prefixes[k];
  return undefined;
}
