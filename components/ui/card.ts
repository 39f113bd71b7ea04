/** The white panel a page's sections and forms sit on. */
export const cardClass = "rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5";
