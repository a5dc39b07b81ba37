export declare const ELEMENT_MAP_GLOBAL: string;
/** The in-page element-map script, bundled with its dependencies, as one string. */
export declare function buildElementMapScript(): string;
/** The built player IIFE, or '' before the player is built. */
export declare function playerIife(): string;
