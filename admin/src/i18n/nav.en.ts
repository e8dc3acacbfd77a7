/** The header's navigation. */
export const nav = {
  navLabel: 'Newsroom',
  navDashboard: 'Dashboard',
  navManage: 'Manage',
  navInbox: 'Contact inbox',
  navAuditLog: 'Audit log',
  navProfile: 'Your profile',
} as const
