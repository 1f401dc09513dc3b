// GET /react: the same chat as `/`, written the way most front ends are, with @ai-sdk/react's `useChat`
// against POST /api/ui-chat (react/app.tsx). The script is bundled at `npm start` (react/build.mjs) and
// served from this Worker under a content-hashed path, so a browser downloads it once.
import { APP_SCRIPT, APP_SCRIPT_INTEGRITY, APP_SCRIPT_PATH } from "./react/app-script.js";
import type { Config } from "./config.js";
import { BASE_STYLE, escapeHTML, pageHeaders } from "./page.js";

/** True for the page's script path (the current build's only). */
export function isReactScript(pathname: string): boolean {
  return pathname === APP_SCRIPT_PATH;
}

/** The page: an empty root the app renders into, its settings in `data-config`, and the script under this response's nonce. */
export function renderReactPage(config: Config, nonce: string): Response {
  const settings = { models: config.allowedModels, defaultModel: config.defaultModel, maxChars: config.maxMessageChars, offlineDemo: config.offlineDemo };
  // Function replacements: a "$&" in a configured model name must not be read as a pattern.
  const html = TEMPLATE.replaceAll("{{nonce}}", () => nonce)
    .replace("{{style}}", () => BASE_STYLE + REACT_STYLE)
    .replace("{{config}}", () => escapeHTML(JSON.stringify(settings)))
    .replace("{{src}}", () => APP_SCRIPT_PATH)
    .replace("{{integrity}}", () => APP_SCRIPT_INTEGRITY);
  return new Response(html, { headers: pageHeaders(nonce) });
}

/** The page's script; its path changes with its content, so it is cached for good. */
export function reactScript(): Response {
  return new Response(APP_SCRIPT, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
  });
}

const REACT_STYLE = `
  .reasoning { color: #57606a; font-size: .875rem; margin-bottom: .5rem; white-space: pre-wrap; }
  .reasoning summary { cursor: pointer; }
  noscript p { background: #fff4ce; padding: .5rem .75rem; }
`;

const TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>deepinfra-edge · useChat</title>
<style nonce="{{nonce}}">{{style}}</style>
</head>
<body>
<div id="root" data-config="{{config}}"></div>
<noscript><p>This page is a React app; the page at <a href="/">/</a> is the same chat with a few lines of plain JavaScript.</p></noscript>
<script nonce="{{nonce}}" src="{{src}}" integrity="{{integrity}}" defer></script>
</body>
</html>
`;
