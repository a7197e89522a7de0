import { isoDay } from '../common/dates';
/*
 * Atlassian Document Format (Jira Cloud's rich text in REST v3) to plain
 * text: paragraphs and headings as lines, lists with "- " or "1. ", tables
 * as "a | b" rows, mentions, emoji, dates and links as their text. Pure; an
 * unknown node type contributes the text of its children, so a new kind of
 * node degrades to its words instead of vanishing.
 */

export interface AdfNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'codeBlock',
  'blockquote',
  'panel',
  'rule',
  'mediaSingle',
  'mediaGroup',
  'blockCard',
  'embedCard',
  'table',
  'expand',
  'nestedExpand',
  'decisionList',
  'taskList',
  'bulletList',
  'orderedList',
]);

export function adfToText(doc: unknown): string {
  if (typeof doc === 'string') return doc.trim();
  if (!isNode(doc)) return '';
  const lines = block(doc, '');
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isNode(value: unknown): value is AdfNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: AdfNode): AdfNode[] {
  return Array.isArray(node.content) ? node.content.filter(isNode) : [];
}

function attr(node: AdfNode, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Text of inline content: text, marks ignored (a link keeps its words), inline nodes as their text. */
function inline(node: AdfNode): string {
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'mention':
      return attr(node, 'text') || '@someone';
    case 'emoji':
      return attr(node, 'text') || attr(node, 'shortName');
    case 'inlineCard':
      return attr(node, 'url');
    case 'status':
      return `[${attr(node, 'text')}]`;
    case 'date': {
      const ms = Number(attr(node, 'timestamp'));
      return Number.isFinite(ms) && ms > 0 ? isoDay(ms) : '';
    }
    case 'placeholder':
      return '';
    default:
      return children(node).map(inline).join('');
  }
}

/** Lines of a block node, each prefixed (list indentation, quote marks). */
function block(node: AdfNode, prefix: string): string[] {
  const kids = children(node);
  switch (node.type) {
    case 'doc':
      return blocks(kids, prefix);
    case 'paragraph':
    case 'heading':
    case 'codeBlock':
      return [...textLines(kids.map(inline).join(''), prefix), ''];
    case 'blockquote':
      return blocks(kids, `${prefix}> `);
    case 'rule':
      return [`${prefix}---`, ''];
    case 'bulletList':
      return [...kids.flatMap((item) => listItem(item, prefix, '- ')), ''];
    case 'orderedList': {
      const start = Number(attr(node, 'order')) || 1;
      return [...kids.flatMap((item, i) => listItem(item, prefix, `${start + i}. `)), ''];
    }
    case 'taskList':
      return [...kids.flatMap((item) => listItem(item, prefix, attr(item, 'state') === 'DONE' ? '[x] ' : '[ ] ')), ''];
    case 'decisionList':
      return [...kids.flatMap((item) => listItem(item, prefix, '- ')), ''];
    case 'table':
      return [...kids.map((row) => prefix + children(row).map(cellText).join(' | ')), ''];
    case 'expand':
    case 'nestedExpand': {
      const title = attr(node, 'title');
      return [...(title ? [prefix + title] : []), ...blocks(kids, prefix)];
    }
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
      return [];
    case 'blockCard':
    case 'embedCard':
      return [prefix + attr(node, 'url'), ''];
    default:
      // Inline content standing where a block is expected, or an unknown block: keep its words.
      if (kids.some((k) => k.type && BLOCKS.has(k.type))) return blocks(kids, prefix);
      return [...textLines(inline(node), prefix), ''];
  }
}

function blocks(nodes: AdfNode[], prefix: string): string[] {
  return nodes.flatMap((n) => block(n, prefix));
}

function listItem(item: AdfNode, prefix: string, marker: string): string[] {
  const lines = children(item).flatMap((k) =>
    k.type && BLOCKS.has(k.type) ? block(k, `${prefix}  `).filter((l) => l !== '') : [`${prefix}  ${inline(k)}`],
  );
  if (lines.length === 0) return [`${prefix}${marker}`.trimEnd()];
  const [first = '', ...rest] = lines;
  return [`${prefix}${marker}${first.slice(prefix.length + 2)}`, ...rest];
}

function cellText(cell: AdfNode): string {
  return children(cell)
    .map((k) => (k.type && BLOCKS.has(k.type) ? blocks([k], '').join(' ') : inline(k)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function textLines(text: string, prefix: string): string[] {
  return text.split('\n').map((line) => prefix + line);
}
