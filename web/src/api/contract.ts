import type { components, paths } from './schema'

/**
 * Types read from the generated contract (schema.d.ts, `npm run api:types`) by path and method, so a screen
 * names what it calls — `ApiResult<'/api/returns', 'GET'>` — instead of redeclaring what a presenter returns.
 * A server change that a screen does not fit then fails `npm run typecheck`.
 */
export type ApiPath = keyof paths
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE'

/** The methods a path answers. */
export type MethodOf<P extends ApiPath> = {
  [M in HttpMethod]: Lowercase<M> extends keyof paths[P] ? M : never
}[HttpMethod]

type Operation<P extends ApiPath, M extends HttpMethod> =
  Lowercase<M> extends keyof paths[P] ? paths[P][Lowercase<M>] : never
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined
type Success<R> = R extends { 201: infer C } ? C : R extends { 200: infer O } ? O : never

/** What a successful call answers with: the JSON of its 201 (a create) or 200. */
export type ApiResult<P extends ApiPath, M extends MethodOf<P>> =
  Operation<P, M> extends {
    responses: infer R
  }
    ? JsonOf<Success<R>>
    : never

/** The JSON body a call sends. */
export type ApiBody<P extends ApiPath, M extends MethodOf<P>> =
  Operation<P, M> extends {
    requestBody?: infer B
  }
    ? JsonOf<NonNullable<B>>
    : never

/** The query string a call takes. */
export type ApiQuery<P extends ApiPath, M extends MethodOf<P>> =
  Operation<P, M> extends {
    parameters: { query?: infer Q }
  }
    ? NonNullable<Q>
    : never

/** The path parameters a call fills in (`{id}`, `{code}` …). */
export type ApiParams<P extends ApiPath, M extends MethodOf<P>> =
  Operation<P, M> extends {
    parameters: { path?: infer Q }
  }
    ? NonNullable<Q>
    : never

/** An element of an array result, e.g. `Item<ApiResult<'/api/agencies', 'GET'>>`. */
export type Item<T> = T extends readonly (infer E)[] ? E : never

/** The API's one error body (`{ error: { code, message, details } }`). */
export type ApiErrorBody = components['schemas']['Error']
