/** The password every demo user has in tests. */
export const TEST_PASSWORD = 'test-password-for-demo-users'
export const TEMPLATE_DB = 'passage_test_template'
