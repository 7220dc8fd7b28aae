import { describe, expect, it } from 'vitest';
import { findAll, parseMarkup, textContent } from './markup-check.ts';

describe('parseMarkup', () => {
  it('reads balanced HTML with void elements, entities and raw text', () => {
    const r = parseMarkup(
      '<!DOCTYPE html><html><head><meta charset="utf-8"><style>a > b {}</style></head><body><p class="x">A &amp; B &lt;c&gt;<br></p></body></html>',
    );
    expect(r.errors).toEqual([]);
    const [p] = findAll(r.root, 'p');
    expect(p?.attrs['class']).toBe('x');
    expect(textContent(p!)).toBe('A & B <c>');
  });

  it('reports misnesting, missing end tags, raw "<", bare "&" and unquoted attributes', () => {
    expect(parseMarkup('<div><span></div></span>').errors.length).toBeGreaterThan(0);
    expect(parseMarkup('<div><p>').errors).toContain('<div> 没有结束标签');
    expect(parseMarkup('<p>1 < 2</p>').errors.join()).toContain('未转义的 "<"');
    expect(parseMarkup('<p>A & B</p>').errors.join()).toContain('未转义的 "&"');
    expect(parseMarkup('<p class=x>A</p>').errors.join()).toContain('没有引号');
  });

  it('requires closed elements in XML mode', () => {
    expect(parseMarkup('<svg><rect/><path d="M0 0"></path></svg>', 'xml').errors).toEqual([]);
    expect(parseMarkup('<svg><br></svg>', 'xml').errors.length).toBeGreaterThan(0);
  });
});
