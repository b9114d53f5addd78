/** The type of a Russian dictionary with its strings widened, which the English one must match. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
