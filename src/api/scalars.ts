// DateTime as written: graphql-scalars' DateTime validates RFC 3339 but turns every value into a
// JS Date, which prints in UTC; schema.graphql promises the offset an article was published with
// (`2020-11-21T02:27:00+07:00`), and Neo4j keeps it, so valid strings pass through unchanged.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** `value` unchanged once graphql-scalars accepts it as a date-time (it throws otherwise). */
function keepWritten(value: string): string {
  DateTimeResolver.parseValue(value);
  return value;
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: DateTimeResolver.description ?? null,
  // A Date (none is stored, but a resolver may build one) has no offset left to keep: UTC.
  serialize: (value) => (typeof value === 'string' ? keepWritten(value) : String(DateTimeResolver.serialize(value))),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError(`DateTime must be a string like 2020-11-21T02:27:00+07:00; got ${typeof value}.`);
    return keepWritten(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string like 2020-11-21T02:27:00+07:00.', { nodes: [ast] });
    return keepWritten(ast.value);
  },
});
