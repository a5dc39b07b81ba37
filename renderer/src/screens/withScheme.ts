/** "app.example.com/x" -> "https://app.example.com/x": people paste addresses without a scheme (local ones get http). */
export function withScheme(url: string): string {
  const trimmed = url.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^/:]+:\d/.test(trimmed);
  if (hasScheme) return trimmed;
  return /^(localhost|127\.|\[::1\])/i.test(trimmed) ? `http://${trimmed}` : `https://${trimmed}`;
}
