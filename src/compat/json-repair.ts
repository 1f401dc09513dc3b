/**
 * Best-effort repair of a model's almost-JSON (llm-interface's `attemptJsonRepair`), hand-written because
 * the runtime dependencies are fixed: strips a Markdown fence and surrounding prose, trailing commas,
 * Python literals, and closes strings and brackets left open by a cut-off reply.
 * Returns undefined when the text still does not parse.
 */
export function repairJSON(text: string): unknown {
  const direct = tryParse(text);
  if (direct.ok) return direct.value;
  let body = text.trim();
  const fenced = /```[a-zA-Z0-9_-]*\s*\n?([\s\S]*?)(?:```|$)/.exec(body);
  if (fenced) body = (fenced[1] as string).trim();
  const start = body.search(/[[{]/);
  if (start < 0) return undefined;
  body = body.slice(start);
  const closing = Math.max(body.lastIndexOf("}"), body.lastIndexOf("]"));
  const candidates = [body, closing > 0 ? body.slice(0, closing + 1) : body];
  for (const candidate of candidates) {
    const fixed = outsideStrings(closeOpen(candidate), (code) =>
      code.replace(/\bTrue\b/g, "true").replace(/\bFalse\b/g, "false").replace(/\bNone\b/g, "null").replace(/,(\s*[}\]])/g, "$1"),
    );
    const parsed = tryParse(fixed);
    if (parsed.ok) return parsed.value;
  }
  return undefined;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Appends the quote and brackets a truncated reply left open, dropping a dangling `,` or `:`. */
function closeOpen(text: string): string {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{") stack.push("}");
    else if (char === "[") stack.push("]");
    else if ((char === "}" || char === "]") && stack.at(-1) === char) stack.pop();
  }
  let out = inString ? `${text}"` : text;
  if (stack.length === 0) return out;
  out = out.replace(/[,:]\s*$/, "");
  return out + stack.reverse().join("");
}

/** Applies `fix` to the text between JSON strings only: a value such as "True story, None" is left as written. */
function outsideStrings(text: string, fix: (code: string) => string): string {
  let out = "";
  let code = "";
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      out += char;
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      out += fix(code) + char;
      code = "";
      inString = true;
    } else code += char;
  }
  return out + fix(code);
}
