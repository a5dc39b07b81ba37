/** Stylesheets are imported as minified text (see build.mjs; Vite's `?raw` in tests). */
declare module '*.css?raw' {
  const css: string;
  export default css;
}
