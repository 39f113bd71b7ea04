-- CreateTable
CREATE TABLE "ExtractLookupWindow" (
    "network" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ExtractLookupWindow_pkey" PRIMARY KEY ("network","windowStart")
);

-- CreateIndex
CREATE INDEX "ExtractLookupWindow_windowStart_idx" ON "ExtractLookupWindow"("windowStart");
