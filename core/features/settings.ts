/** Settings live in the store (core/store/settings-repo.ts); older imports keep working through here. */
export { getJsonSetting, getSetting, setSetting } from '../store/settings-repo.js';
