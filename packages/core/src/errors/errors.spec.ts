import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, formatError, isDatabaseUnavailable, ValidationError } from './errors.js';

const wrap = (original: Error) =>
  new GraphQLError(original.message, { path: ['x'], originalError: original });

describe('formatError', () => {
  it('keeps the code, Russian message and field of our own errors', () => {
    const error = wrap(new ValidationError('СНИЛС: неверное контрольное число', 'snils', 'SNILS_INVALID'));
    expect(formatError(error.toJSON(), error)).toEqual({
      message: 'СНИЛС: неверное контрольное число',
      path: ['x'],
      extensions: { code: 'SNILS_INVALID', field: 'snils' },
    });
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR and reports them to the log', () => {
    const seen: unknown[] = [];
    const error = wrap(new Error('relation "social"."recipient" does not exist'));
    const out = formatError(error.toJSON(), error, (e) => seen.push(e));
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(out.message).not.toMatch(/relation|social/);
    expect(seen).toHaveLength(1);
  });

  it('reads the failures type-graphql 2 carries in its ArgumentValidationError extensions', () => {
    const original = new ArgumentValidationError([
      { property: 'input', children: [{ property: 'filename', constraints: { matches: 'Имя файла' } }] },
    ] as never);
    const error = wrap(original);
    const out = formatError(error.toJSON(), error);
    expect(out.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.filename' });
    expect(out.message).toBe('Имя файла');
  });

  it('turns class-validator failures into VALIDATION_FAILED with every field', () => {
    const original = Object.assign(new Error('Argument Validation Error'), {
      validationErrors: [
        {
          property: 'input',
          children: [{ property: 'lastName', constraints: { length: 'Фамилия обязательна' } }],
        },
      ],
    });
    const error = wrap(original);
    const out = formatError(error.toJSON(), error);
    expect(out.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'input.lastName',
      fields: [{ field: 'input.lastName', message: 'Фамилия обязательна' }],
    });
    expect(out.message).toBe('Фамилия обязательна');
  });

  it("reads type-graphql 2's ArgumentValidationError, which keeps the failures in its extensions", () => {
    const original = new GraphQLError('Argument Validation Error', {
      extensions: {
        code: 'BAD_USER_INPUT',
        validationErrors: [{ property: 'places', constraints: { min: 'Число мест: не меньше 1' } }],
      },
    });
    const error = wrap(original);
    const out = formatError(error.toJSON(), error);
    expect(out.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'places' });
    expect(out.message).toBe('Число мест: не меньше 1');
  });

  it('passes GraphQL validation errors through', () => {
    const error = new GraphQLError('Cannot query field "x"', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatError(error.toJSON(), error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('keeps a code a subgraph already assigned when the gateway formats it again', () => {
    const fromSubgraph = new GraphQLError('Получатель не найден(а): 1', {
      extensions: { code: 'NOT_FOUND', id: '1' },
    });
    expect(formatError(fromSubgraph.toJSON(), fromSubgraph).extensions).toEqual({
      code: 'NOT_FOUND',
      id: '1',
    });
    expect(new AppError('X', 'y').name).toBe('AppError');
  });

  it('does not log again an internal error a subgraph already masked and logged', () => {
    const seen: unknown[] = [];
    const downstream = new GraphQLError('Внутренняя ошибка сервера.', {
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'health' },
    });
    const out = formatError(downstream.toJSON(), downstream, (e) => seen.push(e));
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(seen).toHaveLength(0);
    // A code-less error of our own that Apollo marked internal is still reported.
    const own = new GraphQLError('Int cannot represent non-integer value', {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatError(own.toJSON(), own, (e) => seen.push(e)).message).not.toMatch(/Int/);
    expect(seen).toHaveLength(1);
  });

  it('tells a database that cannot be reached from a query it refused, and says so without internals', () => {
    const dead = Object.assign(new Error('driver failed'), {
      cause: Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    });
    expect(isDatabaseUnavailable(dead)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    // A constraint violation or a syntax error is the query's fault: not "unavailable".
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    const seen: unknown[] = [];
    const out = formatError(wrap(dead).toJSON(), wrap(dead), (e) => seen.push(e));
    expect(out.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    expect(out.message).not.toMatch(/terminating|driver/);
    expect(seen).toHaveLength(0);
  });
});
