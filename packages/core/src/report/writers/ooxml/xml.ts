/**
 * The few XML pieces the Office writers need (ECMA-376 parts are written as strings, see
 * docs/adr/0009-office-files-written-directly.md): escaping and an attribute list. Text and attribute
 * values share one escape, so a value can move between the two without a second thought.
 */

/** Characters that need an entity, and C0 controls that XML 1.0 forbids (dropped: Word refuses the file otherwise). */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const SPECIAL_ALL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function entity(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case "'":
      return '&apos;';
    default:
      return '';
  }
}

/** Escapes text for element content and double-quoted attribute values; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  // Most cell texts are figures and names without any special character: skip the replace.
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, entity) : text;
}

export type AttrValue = string | number | boolean | undefined;

/** ` a="1" b="x"` in the given order; undefined values are left out. */
export function attrs(values: Readonly<Record<string, AttrValue>>): string {
  let out = '';
  for (const key in values) {
    const v = values[key];
    if (v === undefined) continue;
    out += ` ${key}="${typeof v === 'string' ? escapeXml(v) : String(v)}"`;
  }
  return out;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
