// What a page gives the modules, for node tests: localStorage and a channel to other tabs.

// The page's channel to other tabs must not keep node running after the tests.
globalThis.BroadcastChannel = class extends BroadcastChannel {
  constructor(name) {
    super(name);
    this.unref();
  }
};

/** localStorage as the browser has it: stored keys are the object's own keys. */
export class MemoryStorage {
  getItem(key) {
    return Object.hasOwn(this, key) ? this[key] : null;
  }
  setItem(key, value) {
    this[key] = String(value);
  }
  removeItem(key) {
    delete this[key];
  }
}
