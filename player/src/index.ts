export { createPlayer } from './createPlayer';
export type { Player, PlayerOptions, PlayerUser } from './createPlayer';
export { StepwiseBundleError, BUNDLE_FORMAT, BUNDLE_VERSION } from './checkBundle';
export type { PlayerEvent, PlayerEventListener, PlayerEventMap, PlayerEventType, StepInfo } from './events';
export { createMemoryStorage } from './frequency';
export type { PlayerStorage } from './frequency';
export type { Target } from './position';
export type { AnchorContext } from './context';
export type * from './bundleTypes';
