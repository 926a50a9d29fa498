-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "discussionGroupSize" INTEGER;

-- CreateTable
CREATE TABLE "DiscussionGroup" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,

    CONSTRAINT "DiscussionGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscussionMember" (
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "discussionGroupId" TEXT NOT NULL,

    CONSTRAINT "DiscussionMember_pkey" PRIMARY KEY ("assignmentId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "DiscussionGroup_assignmentId_number_key" ON "DiscussionGroup"("assignmentId", "number");

-- CreateIndex
CREATE INDEX "DiscussionMember_discussionGroupId_idx" ON "DiscussionMember"("discussionGroupId");

-- AddForeignKey
ALTER TABLE "DiscussionGroup" ADD CONSTRAINT "DiscussionGroup_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionMember" ADD CONSTRAINT "DiscussionMember_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionMember" ADD CONSTRAINT "DiscussionMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionMember" ADD CONSTRAINT "DiscussionMember_discussionGroupId_fkey" FOREIGN KEY ("discussionGroupId") REFERENCES "DiscussionGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;
