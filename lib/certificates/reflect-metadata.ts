// @peculiar/x509 resolves its algorithms through tsyringe, which refuses to load unless a Reflect metadata
// polyfill is installed. The project does not depend on reflect-metadata, so this provides the four functions
// tsyringe calls, and only when no real polyfill has been loaded first.
type MetadataKey = unknown;
type PropertyKey = string | symbol | undefined;

const store = new WeakMap<object, Map<PropertyKey, Map<MetadataKey, unknown>>>();

function ownMap(target: object, property: PropertyKey, create: boolean): Map<MetadataKey, unknown> | undefined {
  let byProperty = store.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  let values = byProperty.get(property);
  if (!values && create) {
    values = new Map();
    byProperty.set(property, values);
  }
  return values;
}

interface ReflectMetadata {
  getMetadata?: (key: MetadataKey, target: object, property?: PropertyKey) => unknown;
  getOwnMetadata?: (key: MetadataKey, target: object, property?: PropertyKey) => unknown;
  hasMetadata?: (key: MetadataKey, target: object, property?: PropertyKey) => boolean;
  defineMetadata?: (key: MetadataKey, value: unknown, target: object, property?: PropertyKey) => void;
}

const reflect = Reflect as typeof Reflect & ReflectMetadata;

if (typeof reflect.getMetadata !== "function") {
  reflect.defineMetadata = (key, value, target, property) => {
    ownMap(target, property, true)!.set(key, value);
  };
  reflect.getOwnMetadata = (key, target, property) => ownMap(target, property, false)?.get(key);
  reflect.getMetadata = (key, target, property) => {
    for (let current: object | null = target; current; current = Object.getPrototypeOf(current) as object | null) {
      const values = ownMap(current, property, false);
      if (values?.has(key)) return values.get(key);
    }
    return undefined;
  };
  reflect.hasMetadata = (key, target, property) => reflect.getMetadata!(key, target, property) !== undefined;
}

export {};
