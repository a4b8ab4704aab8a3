/**
 * The HTML report's one escaper. Every value from a record (names, URIs, parameters,
 * file names) is hostile until escaped: a dataset called `<script>` or a parameter with
 * quotes must render as text, in element content and in quoted attributes alike.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

/**
 * JSON for a `<script type="application/json">` block: no `<`, `>` or `&` can end the
 * block or open a comment, and U+2028/2029 stay escaped.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
