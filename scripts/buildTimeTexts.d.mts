export declare const ELEMENT_MAP_GLOBAL: string;
/** The in-page element-map script, bundled with its dependencies, as one string. */
export declare function buildElementMapScript(): string;
export declare const PLAYER_IIFE_FILE: string;
/** The built player IIFE; throws, saying to build the player first, when the file is missing or empty. */
export declare function playerIife(file?: string): string;
/** The built player IIFE, or '' before the player is built (for unit tests only). */
export declare function playerIifeIfBuilt(): string;
export declare const RECORDER_GLOBAL: string;
/** The capture browser's in-page recorder, bundled with its dependencies, as one string. */
export declare function buildRecorderScript(): string;
export declare const CHECK_ANCHORS_GLOBAL: string;
/** The flow health check's in-page script (the player's findTarget and capture's selector maker), bundled as one string. */
export declare function buildCheckAnchorsScript(): string;
