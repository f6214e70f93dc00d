// What a built ES module imports, read from its minified text: the specifiers of its static
// `import … from` / `export … from` / bare `import "…"`, and of its `import("…")` calls.
// Shared by the tests that follow dist/'s module graph (SSR, no-bundler).

export function staticImports(code) {
  return [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
}

export function dynamicImports(code) {
  return [...code.matchAll(/(?:^|[^\w$.])import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}
