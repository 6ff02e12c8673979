/** Last in the navigation: results leave the app here. */
export { ShareView as component } from './ShareView';
export { RestorePrompt } from './RestorePrompt';
