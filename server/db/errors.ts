// PostgreSQL's error codes (SQLSTATE) that the server answers as something other than a
// failure. Both drivers put the code on the error as `code`.

/** 23505: a unique index refused the row (two requests raced for one name, say). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** 23503: a foreign key refused the change (a scope deleted while another request associates it). */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503';
}

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
