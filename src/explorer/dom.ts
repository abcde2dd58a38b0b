// Tiny DOM builders: every piece of text from the API goes in as a text node, never as HTML.
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** `text` with `text.slice(start, end)` in a <mark>: a quote shown inside its sentence. */
export function highlighted(text: string, start: number, end: number): HTMLElement {
  const from = Math.max(0, Math.min(text.length, start));
  const to = Math.max(from, Math.min(text.length, end));
  return h('span', { class: 'sentence' }, text.slice(0, from), h('mark', {}, text.slice(from, to)), text.slice(to));
}
