import type { dashboard as en } from './dashboard.en.js'

export const dashboard: Record<keyof typeof en, string> = {
  dashboardTitle: 'لوحة المتابعة',
  panelMyDrafts: 'مسوداتي',
  panelInReview: 'بانتظار المراجعة',
  panelScheduled: 'مجدولة للنشر',
  panelRecentlyPublished: 'نُشرت مؤخرًا',
  panelBreaking: 'أخبار عاجلة',
  panelContact: 'رسائل التواصل',
  panelMostRead: 'الأكثر قراءة اليوم',
  panelEmpty: 'لا شيء هنا الآن.',
  panelSeeAll: 'عرض الكل ({count})',
  scheduledFor: 'موعد النشر {time}',
  publishedAtTime: 'نُشرت {time}',
  unreadCount: 'غير المقروءة: {count}',
  noUnread: 'لا توجد رسائل غير مقروءة.',
  openInbox: 'افتح صندوق الرسائل',
  viewsCount: 'عدد المشاهدات: {count}',
  byAuthors: 'بقلم {names}',
}
