import { extractArticle } from './src/core/extract.ts';
const t = `Trao quà\n\n17:13, 23/08/2024 (GMT+7)\n\nĐNO - Ngày 23-8, Liên đoàn Lao động thành phố tổ chức nghiệm thu.\n\nPhó Chủ tịch Liên đoàn Lao động thành phố Lê Văn Đại trao hỗ trợ.\n`;
const x = extractArticle(t);
for (const e of x.entities) console.log(e.id, e.name, JSON.stringify(e.aliases), e.mentions.map(m=>m.text));
