/**
 * Which script a text is written in, table-driven: news sentences in the world's common scripts
 * are told apart from Latin-script text, including Latin-script text that quotes a foreign name and
 * foreign-script text that carries Latin brand names and addresses.
 */
import { describe, expect, it } from 'vitest';
import { MIN_LATIN_SHARE, scriptShare, unsupportedScript } from '../script';

describe('unsupportedScript', () => {
  it.each([
    ['Russian', 'Президент России Владимир Путин заявил в понедельник, что переговоры с Украиной продолжатся на следующей неделе.', 'Cyrillic'],
    ['Ukrainian with a Latin address', 'Київ, 12 березня. Уряд оголосив нові заходи підтримки, повідомляє агентство на сайті www.ukrinform.ua сьогодні.', 'Cyrillic'],
    ['Arabic', 'قال الرئيس في مؤتمر صحفي يوم الاثنين إن المفاوضات ستستمر الأسبوع المقبل في العاصمة.', 'Arabic'],
    ['Chinese', '国家主席周一在新闻发布会上表示，谈判将于下周在首都继续进行，双方同意加强合作。', 'Han'],
    ['Japanese', '首相は月曜日の記者会見で、交渉は来週も首都で続けられると述べました。', 'Japanese'],
    ['Korean', '대통령은 월요일 기자회견에서 협상이 다음 주 수도에서 계속될 것이라고 말했다.', 'Hangul'],
    ['Greek', 'Ο πρωθυπουργός δήλωσε τη Δευτέρα ότι οι διαπραγματεύσεις θα συνεχιστούν την επόμενη εβδομάδα.', 'Greek'],
    ['Hebrew', 'ראש הממשלה אמר ביום שני כי המשא ומתן יימשך בשבוע הבא בבירה.', 'Hebrew'],
    ['Hindi', 'प्रधानमंत्री ने सोमवार को संवाददाता सम्मेलन में कहा कि बातचीत अगले सप्ताह जारी रहेगी।', 'Devanagari'],
    ['Russian with English brand names', 'Компании Apple и Google объявили, что их сервисы iCloud и Gmail будут работать в России без ограничений до конца года.', 'Cyrillic'],
  ] as const)('%s: %s', (_name, text, script) => {
    expect(unsupportedScript(text)).toBe(script);
  });

  it.each([
    ['English', 'The president said on Monday that talks with Ukraine would continue next week in the capital.'],
    ['French', 'Le président a déclaré lundi que les négociations se poursuivraient la semaine prochaine à Genève.'],
    ['Vietnamese (Latin with diacritics)', 'Thủ tướng cho biết hôm thứ Hai rằng các cuộc đàm phán sẽ tiếp tục vào tuần tới tại thủ đô.'],
    ['Polish', 'Premier powiedział w poniedziałek, że rozmowy będą kontynuowane w przyszłym tygodniu w stolicy.'],
    ['Turkish', 'Cumhurbaşkanı pazartesi günü yaptığı açıklamada müzakerelerin gelecek hafta başkentte süreceğini söyledi.'],
    ['English quoting a Russian name', 'The newspaper Коммерсантъ reported that the minister, Сергей Лавров, would travel to Geneva on Monday for the talks with his American counterpart.'],
    ['too short to tell', 'Путин'],
    ['no letters', '2024 — 12:30 / 45 %'],
  ] as const)('%s: covered (null)', (_name, text) => {
    expect(unsupportedScript(text)).toBeNull();
  });
});

describe('scriptShare', () => {
  it('counts letters only, and reads the start of a long text', () => {
    expect(scriptShare('Путин 2024, Obama!')).toMatchObject({ letters: 10, latin: 0.5, dominantOther: 'Cyrillic' });
    // 20,000 Latin letters first: what follows is not read.
    expect(scriptShare('a'.repeat(20_000) + 'я'.repeat(50_000))).toMatchObject({ latin: 1, dominantOther: null });
  });

  it('puts the threshold at half the letters', () => {
    expect(MIN_LATIN_SHARE).toBe(0.5);
    expect(unsupportedScript('abcdefghijk' + 'абвгдежзий')).toBeNull(); // 11 Latin of 21
    expect(unsupportedScript('abcdefghij' + 'абвгдежзийк')).toBe('Cyrillic'); // 10 Latin of 21
  });
});
