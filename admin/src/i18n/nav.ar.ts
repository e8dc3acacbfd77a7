import type { nav as en } from './nav.en.js'

export const nav: Record<keyof typeof en, string> = {
  navLabel: 'غرفة الأخبار',
  navDashboard: 'لوحة المتابعة',
  navManage: 'الإدارة',
  navInbox: 'رسائل التواصل',
  navAuditLog: 'سجل التدقيق',
  navProfile: 'ملفك الشخصي',
}
