/**
 * Well-known public figures of international news, so that "Trump", "Stammer" or "Kier Starmer"
 * link to one canonical entity ("Donald Trump", "Keir Starmer") with the same id in every document
 * of a workspace. General knowledge, like the country list; a document's own full names still win
 * when they do not match an entry. `f` marks people referred to as "she".
 */
export interface KnownPerson {
  name: string;
  /** Other spellings of the surname or first name seen in news ("Zelenskyy", "Sergey"). */
  variants?: string[];
  female?: boolean;
}

const P = (name: string, ...variants: string[]): KnownPerson => ({ name, variants });
const F = (name: string, ...variants: string[]): KnownPerson => ({ name, variants, female: true });

export const KNOWN_PEOPLE: readonly KnownPerson[] = [
  // United States
  P('Donald Trump'), P('Joe Biden'), F('Kamala Harris'), P('JD Vance', 'J.D. Vance'), P('Marco Rubio'), P('Pete Hegseth'),
  P('Keith Kellogg'), P('Steve Witkoff'), P('Mike Waltz'), P('Antony Blinken'), P('Lloyd Austin'), P('Jake Sullivan'),
  F('Karoline Leavitt'), P('Elon Musk'), P('Barack Obama'), F('Hillary Clinton'), F('Nancy Pelosi'), P('Mike Johnson'),
  P('Chuck Schumer'), P('Mitch McConnell'), F('Tulsi Gabbard'), P('Kash Patel'), P('Scott Bessent'), P('Howard Lutnick'),
  F('Kristi Noem'), F('Pam Bondi'), P('Bernie Sanders'), P('Mike Pence'), P('Ron DeSantis'), F('Nikki Haley'),
  // United Kingdom and Ireland
  P('Keir Starmer'), P('Rishi Sunak'), P('Boris Johnson'), F('Liz Truss'), F('Theresa May'), P('David Cameron'),
  P('David Lammy'), P('John Healey'), F('Rachel Reeves'), F('Yvette Cooper'), F('Kemi Badenoch'), P('Nigel Farage'),
  P('Ben Wallace'), P('Grant Shapps'), P('Micheál Martin', 'Micheal'), P('Simon Harris'),
  // European Union and Europe
  P('Emmanuel Macron'), P('Olaf Scholz'), P('Friedrich Merz'), F('Giorgia Meloni'), P('Donald Tusk'), P('Pedro Sánchez', 'Sanchez'),
  P('José Manuel Albares', 'Jose'), F('Ursula von der Leyen'), F('Kaja Kallas'), P('Mark Rutte'), P('Jens Stoltenberg'),
  P('António Costa', 'Antonio'), P('Charles Michel'), P('Viktor Orbán', 'Orban'), P('Robert Fico'), P('Ulf Kristersson'),
  F('Mette Frederiksen'), P('Alexander Stubb'), P('Dick Schoof'), P('Andrzej Duda'), P('Radosław Sikorski', 'Radoslaw'),
  F('Annalena Baerbock'), P('Boris Pistorius'), P('Jean-Noël Barrot', 'Jean-Noel'), P('Sébastien Lecornu', 'Sebastien'),
  P('Antonio Tajani'), P('Guido Crosetto'), P('Recep Tayyip Erdogan', 'Erdoğan', 'Recep'), P('Hakan Fidan'), P('Karl Nehammer'),
  P('Bart De Wever'), P('Jonas Gahr Støre', 'Store'), P('Kyriakos Mitsotakis'), P('Petr Fiala'), P('Gitanas Nausėda', 'Nauseda'),
  F('Maia Sandu'), P('Klaus Iohannis'), P('Alexander Lukashenko'), P('Aleksandar Vučić', 'Vucic'),
  // Russia and Ukraine
  P('Vladimir Putin'), P('Dmitry Peskov', 'Dmitri'), P('Sergei Lavrov', 'Sergey'), F('Maria Zakharova'), P('Dmitry Medvedev', 'Dmitri'),
  P('Sergei Shoigu', 'Sergey'), P('Andrei Belousov', 'Andrey'), P('Yuri Ushakov', 'Yury'), P('Kirill Dmitriev'),
  P('Volodymyr Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenski'), P('Andriy Yermak', 'Andrii'), P('Andrii Sybiha', 'Andriy'),
  P('Dmytro Kuleba'), P('Rustem Umerov'), P('Denys Shmyhal'), F('Yulia Svyrydenko'), P('Oleksandr Syrskyi', 'Syrsky'),
  P('Valerii Zaluzhnyi', 'Zaluzhny', 'Valery'),
  // Middle East, Asia, the Americas, Africa, international bodies
  P('Benjamin Netanyahu'), P('Isaac Herzog'), P('Mohammed bin Salman'), P('Ali Khamenei'), P('Masoud Pezeshkian'),
  P('Abbas Araghchi'), P('Xi Jinping'), P('Wang Yi'), P('Li Qiang'), P('Narendra Modi'), P('Shehbaz Sharif'),
  P('Kim Jong Un', 'Kim Jong-un'), P('Shigeru Ishiba'), P('Fumio Kishida'), P('Yoon Suk Yeol'), P('Anthony Albanese'),
  P('Justin Trudeau'), P('Mark Carney'), P('Javier Milei'), F('Claudia Sheinbaum'), P('Cyril Ramaphosa'), P('António Guterres', 'Antonio'),
  P('Volker Türk', 'Turk'), P('Rafael Grossi'),
];
